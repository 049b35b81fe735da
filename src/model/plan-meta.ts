/**
 * A plan's metadata file, `content/plans/<slug>/plan.yaml`: what a user
 * writes when adding a plan, validated by this one schema at build time
 * (scripts/pipeline/metadata.ts reports a wrong field as file:line: field).
 * The slug is the folder's name; it is the first segment of every URL of the
 * plan (`/nanjing-15/4/1/`), so it never changes once published.
 */
import { z } from 'zod';

/** 区/县 (district, county), 市 (city), 省 (province), 国家 (national). */
export const PLAN_LEVELS = ['区', '县', '市', '省', '国家'] as const;
export type PlanLevel = (typeof PLAN_LEVELS)[number];

/**
 * The forms plans are published in, each read by its own layout rules
 * (docs/pipeline.md): Markdown converted from a PDF (page breaks inside
 * paragraphs) or from an HTML page, plain text with one paragraph a line,
 * and text extracted from a PDF (hard-wrapped lines, page footers).
 */
export const SOURCE_FORMS = [
  'markdown-from-pdf',
  'markdown-from-html',
  'plain-text',
  'pdf-text',
] as const;
export type SourceForm = (typeof SOURCE_FORMS)[number];

/** The encodings a source text may be in; UTF-8 unless plan.yaml says otherwise. */
export const SOURCE_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type SourceEncoding = (typeof SOURCE_ENCODINGS)[number];

/** A plan folder's name: lower-case letters and digits in words joined by -, e.g. `licang-14`. */
export const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const year = z.number().int().min(1950).max(2100);

export const planMetaSchema = z
  .object({
    /** The plan's full title as printed, e.g. 南京市国民经济和社会发展第十五个五年规划纲要. */
    title: z.string().min(6).max(120),
    /** A short name for headers and lists, e.g. 南京“十五五”规划纲要. */
    shortName: z.string().min(2).max(24),
    /** The issuing body, e.g. 南京市人民政府. */
    issuer: z.string().min(2).max(40),
    level: z.enum(PLAN_LEVELS),
    /** Where the plan applies, from the province down, e.g. 江苏省南京市. */
    region: z.string().min(2).max(40),
    /** The plan period, e.g. 2026–2030 (an en dash or a hyphen). */
    period: z
      .string()
      .regex(/^\d{4}[–-]\d{4}$/, 'expected two years like 2026–2030')
      .transform((text) => {
        const [start, end] = text.split(/[–-]/).map(Number) as [number, number];
        return { start, end };
      })
      .refine((p) => p.end > p.start && p.end - p.start <= 15, 'expected the end after the start'),
    /** The long-range horizon the plan also sets (二〇三五年远景目标 → 2035), when it has one. */
    horizon: year.optional(),
    /** When it was issued: a day, or only the month or year when that is all the text says. */
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected 2021-03-31, 2026-04 or 2026'),
    /** 文号, e.g. 穗府〔2026〕4号, when the plan was issued with one. */
    documentNumber: z.string().min(3).max(40).optional(),
    /** Where the text was collected from. */
    sourceUrl: z.url({ protocol: /^https?$/ }),
    /** The form of the source text (SOURCE_FORMS). */
    form: z.enum(SOURCE_FORMS),
    /** The source text's file name in the plan's folder, kept exactly as collected. */
    source: z.string().regex(/^[\w.-]+\.(md|txt)$/, 'expected a file name like source.md'),
    /**
     * The source file's character encoding when it is not UTF-8: `gb18030` (GBK and GB2312 are
     * subsets), as texts saved on Chinese systems often are. The file is kept as collected.
     */
    encoding: z.enum(SOURCE_ENCODINGS).optional(),
    /** SHA-256 of the source file: the build fails when the text changes without this changing. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits (sha256sum)'),
    /** Optional curated entity list (docs/entities.md), a file in the plan's folder. */
    entities: z
      .string()
      .regex(/^[\w.-]+\.json$/)
      .optional(),
    /** Optional extra search terms for jieba, one a line, a file in the plan's folder. */
    searchTerms: z
      .string()
      .regex(/^[\w.-]+\.txt$/)
      .optional(),
  })
  .strict();

/** plan.yaml as written (before its transforms). */
export type PlanMetaInput = z.input<typeof planMetaSchema>;

/** A plan's metadata, validated, with its slug. */
export type PlanMeta = z.output<typeof planMetaSchema> & { slug: string };
