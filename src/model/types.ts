import type { PlanMeta } from './plan-meta.ts';

/**
 * The plan tree: one set of types shared by the build pipeline (`scripts/`),
 * the site (`src/pages`) and the search code (`src/search`).
 *
 * Every node carries a stable `id` derived from the plan's own numbering
 * (see docs/ids.md), a `kind`, a `title`, a ready `citation` and the source
 * lines it came from, so that every error and every citation can point back
 * to the text.
 *
 * Declarations only, in one file because they are one contract between the
 * build and the site: the shapes of plan.json, corpus.json, entities.json and
 * targets.json, whose mentions, links and targets point into the tree by node
 * ID and which share DataStamp.
 */

/** Source line range (1-based, inclusive) in the file under `content/`. */
export interface SourceSpan {
  start: number;
  end: number;
}

/**
 * Node kinds, in the plan's own terms. The heading kinds name a level's role
 * in the tree, whatever numbering the plan prints for it (docs/ids.md): the
 * first numbered level under 篇 is the chapter (第X章, or 一、 in a plan
 * without 章), the next the section, the deeper ones sub-parts.
 */
export type NodeKind =
  | 'document'
  | 'preface' // 序言/前言, or the unnumbered paragraphs before the first heading
  | 'part' // 篇
  | 'chapter' // 章 (or the plan's top numbered level)
  | 'section' // 节 (or the level below the chapter)
  | 'subpart' // 一、（一）1. … inside a section, nested as printed
  | 'measure' // a paragraph led by a title: **标题。**, ——标题。, 标题。, 1. 标题。
  | 'paragraph' // an un-headed paragraph
  | 'box' // 专栏
  | 'boxItem' // an item of a 专栏 (◆, 1., 01, a table row of items)
  | 'table' // 表, or the table a 专栏 holds
  | 'indicator' // one indicator row of an indicator table
  | 'row' // one row of a table that is not an indicator table
  | 'figure' // 图 / 附图 caption
  | 'note' // 注：…
  | 'glossary' // 名词解释
  | 'term' // one entry of the glossary
  | 'appendix'; // 附录 / 附件

/** The numbering styles plans print, outermost first (scripts/pipeline/numbering.ts). */
export type NumberingStyle = '篇' | '章' | '节' | '一、' | '（一）' | '1.' | '（1）' | '1.1' | '①';

/**
 * A glossary reference printed as a number glued to the word it explains
 * (“广东强芯”54): the number is taken out of the text and kept here.
 */
export interface TermRef {
  /** Offset in the node's `text` (or `title`, for a heading) where the number stood. */
  at: number;
  /** The glossary entry's ID, e.g. G54. */
  term: string;
  field: 'title' | 'lead' | 'text';
}

interface NodeBase {
  /** Stable ID from the plan's numbering, e.g. `7.1.1`, `T2.21`, `B5.2`. */
  id: string;
  kind: NodeKind;
  /** Human title: the heading, the measure's lead without its final 。, the indicator's name. */
  title: string;
  /** Ready-to-paste citation, e.g. 《…纲要》第七章第一节“推进‘山水园圈’工程”. */
  citation: string;
  /** Source lines in content/ that this node was read from. */
  source: SourceSpan;
  children: PlanNode[];
  /** Glossary references taken out of this node's text, when the plan has a glossary. */
  refs?: TermRef[];
  /**
   * What this part of the plan does, when it is not the plan proper (set by the links stage,
   * scripts/pipeline/scope.ts): `review` reports the previous period (李沧 第一章第一节, 南京
   * 第一章 发展基础), `outlook` the situation, `goals` the guiding ideas and targets, `vision` the
   * long-range vision. Absent on the plan proper: the measures. The site labels `review`
   * clauses 回顾 rather than 措施.
   */
  scope?: NodeScope;
}

/** The front scopes of a plan (scripts/pipeline/scope.ts, docs/entities.md "Scopes"). */
export type NodeScope = 'review' | 'outlook' | 'goals' | 'vision';

/**
 * The indicator links a clause carries (filled by the links stage, docs/entities.md): measures,
 * paragraphs, box items, and headings whose title names an indicator.
 */
export interface ClauseLinkFields {
  /** Rows of the plan's target tables that this clause pursues (措施). */
  indicators?: IndicatorLink[];
  /** Rows whose target this clause states in words (the plan's goals section: 目标表述). */
  states?: IndicatorLink[];
  /** Rows whose previous-period result this clause reports (the review: 回顾). */
  reports?: IndicatorLink[];
}

/** Heading-like containers: part 篇, chapter 章, section 节, sub-part 一、（一）1. … */
export interface HeadingNode extends NodeBase, ClauseLinkFields {
  kind: 'part' | 'chapter' | 'section' | 'subpart';
  /** The plan's number for this heading: 7 for 第七章, 1 for 第一节 or 一、. */
  number: number;
  /** The label as printed: 第七章, 第一节, 一、 */
  label: string;
  /** The numbering style printed (篇, 章, 节, 一、, （一）…). */
  numbering: NumberingStyle;
}

export interface PrefaceNode extends NodeBase {
  kind: 'preface';
  /** The heading as printed (序言, 前言), when the plan prints one. */
  label?: string;
}

/** A measure: a paragraph led by a bold title (**标题。**) or by ——. */
export interface MeasureNode extends NodeBase, ClauseLinkFields {
  kind: 'measure';
  /** Position among the measures of its container, 1-based. */
  number: number;
  /** The lead exactly as printed (with its final 。 and any leading ——). */
  lead: string;
  /** The rest of the paragraph after the lead. */
  text: string;
  /**
   * How the plan marks it: a bold lead (**标题。**), a dash (——标题。), a plain
   * lead sentence (标题。正文, recognised in runs of siblings), a numbered item
   * (1. 标题。正文, （一）标题。正文) or an ordinal (一是…).
   */
  style: 'bold' | 'dash' | 'plain' | 'numbered' | 'ordinal';
  /** The number as printed for a numbered item (1., （一）), when it has one. */
  label?: string;
}

export interface ParagraphNode extends NodeBase, ClauseLinkFields {
  kind: 'paragraph';
  /** Position among the paragraphs of its container, 1-based. */
  number: number;
  text: string;
}

export interface BoxNode extends NodeBase, ClauseLinkFields {
  kind: 'box';
  /** 专栏 number (the first number of 专栏3-2). */
  number: number;
  /** As printed: 专栏 5 */
  label: string;
}

/** 名词解释: the plan's glossary, its entries as children. */
export interface GlossaryNode extends NodeBase {
  kind: 'glossary';
}

/** One glossary entry: `54. 广东强芯：…`. */
export interface TermNode extends NodeBase {
  kind: 'term';
  /** The entry's number, which the body's references print. */
  number: number;
  /** The term explained (the title). */
  term: string;
  /** The whole entry after its number, as printed (term, ：, definition). */
  text: string;
}

/** 附录 / 附件: an appendix, with paragraphs, tables and figures as children. */
export interface AppendixNode extends NodeBase {
  kind: 'appendix';
  number: number;
  /** As printed: 附录1, 附件 */
  label: string;
}

/** One row of a table that is not an indicator table, its cells as printed. */
export interface TableRowNode extends NodeBase {
  kind: 'row';
  number: number;
  cells: string[];
  /**
   * The cells with a blank first (grouping) cell filled from the row above, as
   * the table prints a group once (专栏3 产业集群 › 产业链); set only when one was filled.
   */
  resolved?: string[];
  /**
   * Set on a category row of an indicator table (一、经济强（12 项）): the category it
   * opens (经济强). Such a row holds the category's text; the indicators below it carry it.
   */
  category?: string;
}

export interface BoxItemNode extends NodeBase, ClauseLinkFields {
  kind: 'boxItem';
  number: number;
  /** Full item text after the ◆ marker, title included. */
  text: string;
  /** Bold title as printed (with its 。), when the item has one. */
  lead?: string;
  /** The item's number or mark as printed (1., 01, 一、), when it has one besides ◆. */
  label?: string;
}

export interface FigureNode extends NodeBase {
  kind: 'figure';
  number: number;
  /** Caption as printed, e.g. 图1 “院士创新特区” 空间格局示意图. */
  text: string;
  /** The image the text shows the figure with (Markdown `![alt](src)`), when it shows one. */
  image?: PrintedImage;
}

/** An image the source text points to: its address as written and its alternative text. */
export interface PrintedImage {
  src: string;
  alt: string;
}

export interface NoteNode extends NodeBase {
  kind: 'note';
  /** Note text as printed, starting with 注：(its lines joined by a line break). */
  text: string;
  /** The numbered items of the note (注：1.… 2.…, ①…②…), when it has two or more. */
  items?: { number: number; text: string; line: number }[];
}

/** One value cell of an indicator row. */
export interface IndicatorCell {
  /** Column header, e.g. 2025年, 十三五完成. */
  column: string;
  /** Cell text exactly as in the source ('' when the PDF merged it into a neighbour). */
  raw: string;
  /** Cell text after normalization (spaces inside Chinese removed, merged cells resolved). */
  text: string;
  /** Parsed number when the cell states one, else null. */
  value: number | null;
  /** `*`: the figure is a city-level (市) indicator. */
  cityLevel: boolean;
  /** `[ ]`: a five-year cumulative figure. */
  cumulative: boolean;
  /** 左右: approximate. */
  approximate: boolean;
  /** `>` and friends, when the cell states a bound. */
  comparator: '>' | '<' | '≥' | '≤' | null;
  /** Set when the PDF merged this cell vertically with the same column of another row: that row's ID. */
  mergedFrom?: string;
  /**
   * What the column holds, read from its header: an actual figure (2020, 十三五完成,
   * 2025年完成值), a target (2025, 十三五目标, 2030年目标值), a growth rate or
   * cumulative change (年均增长, 累计), or something else.
   */
  role: 'actual' | 'target' | 'growth' | 'other';
  /** The year the column refers to (2025年 → 2025, 十三五目标 → 2020), or null. */
  year: number | null;
}

/**
 * `explicit`: one sentence names the indicator and states one of its figures; `topical`: the
 * clause names the indicator (or its field) without the figure.
 */
export type LinkKind = 'explicit' | 'topical';

/**
 * What a link rests on (docs/entities.md, "Indicator links"): `figure`, a sentence names the
 * indicator and states its figure (always `explicit`); `terms`, a sentence names the indicator;
 * `heading`, the title of the heading (a section, sub-part or 专栏 that pursues it as a whole)
 * names the indicator; `field`, the row has no such link and the clause names its field
 * (制造业 for 制造业增加值占比).
 */
export type LinkBasis = 'figure' | 'terms' | 'heading' | 'field';

export interface IndicatorLink {
  /** The linked node: a row of an indicator table, or a clause (measure, paragraph, box item, heading). */
  id: string;
  kind: LinkKind;
  basis?: LinkBasis;
}

/** A row of another indicator table that reports the same metric (or a related one). */
export interface RowRelation {
  id: string;
  /** `same`: the same metric, worded alike; `related`: a close metric (发明专利 › 高价值发明专利). */
  match: 'same' | 'related';
}

export interface IndicatorNode extends NodeBase {
  kind: 'indicator';
  /** 1 for 表1, 2 for 表2 (for a table inside a 专栏, the 专栏's number). */
  table: number;
  /** The table's node ID: T2, or B1.table for the table of 专栏1. */
  tableId: string;
  /** 序号 (for a sub-row, its position under the row it belongs to). */
  number: number;
  /** For a sub-row of a two-level indicator (每千人口拥有医护人员数 › 注册护士数): the row's ID. */
  parent?: string;
  /** 类别, e.g. 经济发展 (resolved for rows that leave it blank). */
  category: string;
  /** Indicator name without its unit. */
  name: string;
  /** 单位, e.g. %, 万元/人 ('' when none). */
  unit: string;
  /** 属性 ('' when the table has no such column). */
  attribute: '预期性' | '约束性' | '';
  /** Empty for the row of a two-level indicator: its sub-rows hold the figures. */
  cells: IndicatorCell[];
  /**
   * The row's cells exactly as written in the source, in column order. A two-level
   * indicator splits its printed cells: the row holds those up to its name, each
   * sub-row those from its sub-name on.
   */
  raw: string[];
  /** The number of the table's 注 item that a `*` on the name points to (广州 专栏1). */
  note?: number;
  /**
   * Rows of a target table: the clauses that pursue it (measures, paragraphs, box items and
   * headings of the plan proper), filled by the links stage; `[]` when none does (see
   * `unpursued`). Never a clause of the review.
   */
  measures?: IndicatorLink[];
  /** Set on a row of a target table that no clause pursues: the page says so. */
  unpursued?: true;
  /** Clauses of the goals section that state this row's target in words (目标表述). */
  statedIn?: IndicatorLink[];
  /** Clauses of the review that report this row's previous-period result (回顾). */
  reportedIn?: IndicatorLink[];
  /** For a row of a target table: the row of the previous-period table with the same metric. */
  previous?: RowRelation;
  /** For a row of a previous-period table: the rows of the target table that carry it on. */
  next?: RowRelation[];
}

export interface TableNode extends NodeBase {
  kind: 'table';
  /** 表 number, or the number of the 专栏 the table is in. */
  number: number;
  /** 表1, or 专栏1 for the table of a 专栏. */
  label: string;
  /** An indicator table (rows are IndicatorNodes) or any other table (rows are TableRowNodes). */
  indicators: boolean;
  /** As printed: 表 1 李沧区…指标 */
  caption: string;
  /** Header cells as printed (first occurrence); for a header printed over several lines, the logical columns read from them. */
  columns: string[];
  /**
   * The header exactly as printed, line by line, when it spans more than one line
   * (南京 专栏1: 规划目标 over 规划目标（2025年） and 年均增速〔累计〕).
   */
  headerLines?: { line: number; cells: string[] }[];
  /** Header rows that the PDF repeated after a page break: kept for fidelity, never rows. */
  repeatedHeaders: { line: number; cells: string[] }[];
  /**
   * A table printed as an image (its caption, then `![](…)`): no rows, the image it is shown
   * with. A caption with neither rows nor image after it (text forms) has no rows and no image.
   */
  image?: PrintedImage;
  /**
   * For an indicator table (set by the links stage): `previous` when it reports the previous
   * period's results (李沧 表1 “十三五”完成, 南京 专栏1 “十四五”完成情况), `current` when it holds
   * the plan's own targets.
   */
  period?: 'previous' | 'current';
}

export interface DocumentMetadata {
  /** 文章标题 */
  noticeTitle: string;
  /** The plan's own title, taken from the 《》 inside 文章标题. */
  title: string;
  /** 制发机关 */
  issuer: string;
  /** 成文日期, ISO yyyy-mm-dd */
  date: string;
  /** 文件字号 */
  documentNumber: string;
  /** 政策咨询部门 */
  consultingDepartment: string;
  /** 政策咨询电话 */
  consultingPhone: string;
  /** 有无政策解读 */
  hasInterpretation: string;
}

/** One entry of the plan's own 目录. */
export interface TocEntry {
  /** The level the entry lists (part 篇, chapter, section…), or other (名词解释, 附录). */
  kind: 'part' | 'chapter' | 'section' | 'subpart' | 'other';
  /** The numbering printed (第X篇, 第X章, 一、…); null for an other entry. */
  numbering: NumberingStyle | null;
  number: number;
  title: string;
  /** The page the 目录 gives, or null when it prints none. */
  page: number | null;
  line: number;
}

/** A repair the normalizer made to the converted text, with where and why. */
export interface Repair {
  kind: RepairKind;
  /** Source line (1-based) the repair applies to. */
  line: number;
  before: string;
  after: string;
}

export type RepairKind =
  | 'page-break-join' // a paragraph the PDF split at a page boundary
  | 'html-tag' // <b>, <div>, <p>, <sub> fragments
  | 'latex' // $PM_{2.5}$ → PM2.5
  | 'punctuation-width' // half-width , ( ) between Han characters → full width
  | 'han-latin-space' // a space the conversion put between Han and digits/Latin
  | 'stray-word' // English words the conversion put in place of 和/等
  | 'whitespace' // whitespace-only lines and trailing tabs the page breaks left
  | 'block-split' // a 专栏 title run into its first item on the next line
  | 'repeated-table-header' // a 表 header row repeated after a page break
  | 'merged-cell' // a cell the PDF merged vertically, resolved from its neighbour
  | 'page-footer' // a page number (— 14 —) the PDF text kept between two lines
  | 'line-join' // hard-wrapped lines of PDF text joined into their paragraph
  | 'heading-join' // a heading printed over two lines, joined
  | 'term-ref' // a glossary number glued to a word (“广东强芯”54), taken out and linked
  | 'invisible-character' // a zero-width or control character the conversion left, dropped
  | 'wrapped-cell' // a table cell wrapped onto the next line, joined
  | 'table-as-rows'; // an indicator table whose layout the table rules do not cover, kept as plain rows

export interface DocumentNode extends NodeBase {
  kind: 'document';
  /**
   * The header table some portals print before the text (文章标题, 制发机关…),
   * when the source has one; the plan's own metadata is PlanFile.meta.
   */
  metadata?: DocumentMetadata;
  toc: TocEntry[];
  /** Everything before the body that is not the 目录 or a preface: titles, 文号, the 印发 notice. */
  notice: string[];
  /** What follows the body and is not part of the plan: 公开方式, 抄送, 印发 lines. */
  colophon?: string[];
  repairs: Repair[];
  /** Headings whose wording differs from the 目录 (kept as printed in the body). */
  tocDifferences: TocDifference[];
}

export interface TocDifference {
  id: string;
  toc: string;
  heading: string;
  line: number;
}

export type PlanNode =
  | DocumentNode
  | PrefaceNode
  | HeadingNode
  | MeasureNode
  | ParagraphNode
  | BoxNode
  | BoxItemNode
  | TableNode
  | IndicatorNode
  | TableRowNode
  | FigureNode
  | NoteNode
  | GlossaryNode
  | TermNode
  | AppendixNode;

/** The file written to dist/data/plan.json. */
export interface PlanFile {
  /** Bumped when the shape of this file changes. */
  schema: 2;
  /** The plan's folder name under content/plans/, the first segment of its URLs. */
  slug: string;
  /** The plan's metadata file, validated (content/plans/<slug>/plan.yaml). */
  meta: PlanMeta;
  /** The source text's path, from the working directory. */
  source: string;
  document: DocumentNode;
}

/** What the corpus file says of each plan: its metadata and the size of its tree. */
export interface CorpusEntry {
  slug: string;
  meta: PlanMeta;
  counts: {
    parts: number;
    chapters: number;
    sections: number;
    measures: number;
    boxes: number;
    indicators: number;
    targets: number;
    entities: number;
  };
}

/** The file written to .generated/corpus.json: every plan, in display order. */
export interface CorpusFile {
  /** Bumped when the shape of this file changes. */
  schema: 1;
  plans: CorpusEntry[];
}

/* ------------------------------------------------------------------------ */
/* Entities, indicator links and targets (scripts/pipeline/entities.ts,      */
/* links.ts, targets.ts; docs/entities.md).                                  */
/* ------------------------------------------------------------------------ */

/** What kind of thing an entity is (docs/entities.md, "Types"; labels in src/model/entity-labels.ts). */
export type EntityType =
  | 'organization' // a body that acts: institute, university, laboratory, company, bank, alliance, fund
  | 'park' // an area set up for a purpose: 产业园, 园区, 基地, 示范区, 试验区, 新区, 功能区
  | 'facility' // a built or digital facility or platform: 数据库, 数据中心, 科技馆, 大科学装置, 机场
  | 'place' // a place: 街道, 社区, 区/县, road 路, mountain 山, river 河, park 公园, 片区, 商圈
  | 'project' // a named project: box items of the 重大项目 boxes, …工程, schools to be built
  | 'product' // a product line or brand: 中子光 (“中子光”系列精密装备), 麒麟刀
  | 'event' // a recurring event: 论坛, 博览会, 交易会, 峰会, 节, 周
  | 'industry' // an industry or cluster: 生物医药, 中子能产业集群, box items of the 产业 boxes
  | 'policy' // a term the plan coins or quotes: 院士创新特区, 三放两化, 9+3+1
  | 'indicator'; // a row of an indicator table

/** The node field a mention's offsets index into. */
export type MentionField = 'title' | 'lead' | 'text' | 'name';

/** One occurrence of an entity in the plan. */
export interface EntityMention {
  /** ID of the node whose field holds the mention, e.g. `7.1.1`. */
  node: string;
  field: MentionField;
  /** Offsets into `node[field]`, in UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  /** The text at those offsets: the entity's name or one of its aliases. */
  text: string;
  /**
   * Set when the name is printed inside a longer name that is itself a
   * mention (振华路街道 inside 振华路街道四流中路社区卫生服务中心新迁址工程):
   * the ID of that longer name's entity.
   */
  within?: string;
}

/** Where an entity's name came from (docs/entities.md). */
export type EntitySource = 'quoted' | 'pattern' | 'boxItem' | 'heading' | 'indicator' | 'curated';

export interface Entity {
  /**
   * Stable slug from the canonical name: toneless pinyin, at most 40 characters (a longer name
   * keeps its first syllables and a 6-character hash of the name): `qing-dao-guo-ji-yuan-shi-gang`,
   * `qing-dao-guo-ji-yuan-shi-gang-yan-k3x9q2`. Unique in its plan.
   */
  id: string;
  type: EntityType;
  /** The type's label (TYPE_LABELS in src/model/entity-labels.ts): 机构, 园区与功能区… */
  typeLabel: string;
  /** The entity's page as a plan path, without the plan's slug: `/entities/<id>/`. */
  url: string;
  /** IDs this entity was published under before (old URLs redirect here), oldest first. */
  formerIds?: string[];
  /** Canonical name, as the plan prints it. */
  name: string;
  /** Other names the plan uses for it (院士港 for 青岛国际院士港). */
  aliases: string[];
  /** How the name entered the gazetteer. */
  sources: EntitySource[];
  /** For indicator entities: the 表 rows (`T2.21`); for box-item projects and industries: the item (`B6.3`). */
  nodes?: string[];
  /** Every mention, in document order. */
  mentions: EntityMention[];
}

export interface EntityIndex {
  /** Bumped when the shape of this file changes. */
  schema: 2;
  /** Data version, build date and source SHA-256 (set when the build writes the file). */
  stamp?: DataStamp;
  entities: Entity[];
  /**
   * IDs published before that no entity carries any more (a fragment the rules now drop:
   * 平台打造), with the entity their page should redirect to, or null for the index.
   */
  retired?: { id: string; name: string; to: string | null }[];
  /** Entities per type. */
  counts: Record<EntityType, number>;
}

/**
 * How a target states its figure: the comparator vocabulary of docs/entities.md ("Targets"),
 * with each code's label and the words that print it in src/model/target-labels.ts.
 */
export type TargetComparator =
  | '≥' // at least: 达到, 达, 以上, 不低于, 不少于, 提高到
  | '>' // more than: 超过, 超, 高于, 突破
  | '≤' // at most: 以内, 以下, 不超过, 不高于, 控制在, 降至
  | '<' // less than: 低于, 少于
  | '≈' // about: 左右, 约, (基本)同步
  | 'range' // between: 300—500
  | '='; // the planned number, no comparator word: 新建幼儿园16所

/** One quantified commitment stated in the text (scripts/pipeline/targets.ts). */
export interface Target {
  /** `<node>.t<n>`: the n-th target of that node, e.g. `7.4.2.t2`. */
  id: string;
  /** The node holding the sentence (measure, paragraph or box item). */
  node: string;
  /** The measure the sentence belongs to (the node itself, or the measure a paragraph continues); null outside measures. */
  measure: string | null;
  /** Chapter number, for sorting (0 outside chapters). */
  chapter: number;
  /** The chapter's node ID (`7`), its label as printed (第七章) and its title: for filtering. */
  chapterId: string | null;
  chapterLabel: string | null;
  chapterTitle: string | null;
  /** The section's node ID (`7.1`) and title, when the node is in a section. */
  section: string | null;
  sectionTitle: string | null;
  /** Where the sentence is: the plan proper (`plan`), its goals or its vision (NodeScope). */
  scope: 'plan' | 'goals' | 'vision';
  /** Position in document order (0-based): the default sort. */
  order: number;
  /** What is measured, as the text words it: 森林覆盖率, 新建幼儿园. */
  metric: string;
  comparator: TargetComparator;
  /** The comparator's label (COMPARATORS[comparator].label): 不低于, 不高于, 约, 为… */
  comparatorLabel: string;
  /** The number, or null when the figure is not a number (B级标准, 与GDP增速基本同步). */
  value: number | null;
  /** Upper end of a range (300—500), else null. */
  valueMax: number | null;
  /** The figure exactly as printed, with its unit and any 以上/以内: `16.5%`, `300个以上`. */
  valueText: string;
  /**
   * The figure as the page shows it: the comparator word the text prints before it, then the
   * figure (达到16.5%, 不低于90%, 控制在4%以内, 300个以上, 16所). Verbatim in the sentence.
   */
  figure: string;
  /** Unit as printed, with its magnitude (%, 个, 万人次, 亿元, 公里/平方公里), '' when none. */
  unit: string;
  /** 累计: a cumulative five-year figure. */
  cumulative: boolean;
  /** Deadline year when the text states one (到2025年 → 2025, 到“十五五”末 → 2030), else null. */
  year: number | null;
  /** Deadline as printed (到2025年, 到“十五五”末, 三到五年内), or null when the text states none. */
  deadline: string | null;
  /** The year it is due: the deadline's, else the end of the plan's period. For sorting by deadline. */
  due: number;
  /** Whether the text states the year (`year` is set); false when `due` is the period's end. */
  dueStated: boolean;
  /** `period` when due within the plan's period, `long-range` when after it (到2035年). */
  horizon: 'period' | 'long-range';
  /** The row of the plan's target table the metric names, when one does. */
  indicator: string | null;
  /** The whole sentence as printed (up to and including its 。), verbatim in the node's text. */
  sentence: string;
  /** Offset of `sentence` in the node's text. */
  sentenceStart: number;
  /** The clause that states the figure, starting at the deadline when the deadline opens it. */
  clause: string;
}

/**
 * The stamp every generated file of a plan carries (scripts/pipeline/stamp.ts, docs/entities.md
 * "Stamps"): which data, built when, from which text.
 */
export interface DataStamp {
  /** The build's version and the source text's hash prefix: `0.1.0+5470b5d9`. */
  dataVersion: string;
  /** The build date, ISO (yyyy-mm-dd): from SOURCE_DATE_EPOCH when set, else the plan's date. */
  buildDate: string;
  /** Where `buildDate` came from. */
  buildDateFrom: 'SOURCE_DATE_EPOCH' | 'plan.yaml date';
  /** SHA-256 of the source text, as plan.yaml records it. */
  sourceSha256: string;
}

/** The file written to .generated/targets.json (and served as /data/targets.json). */
export interface TargetFile {
  /** Bumped when the shape of this file changes. */
  schema: 2;
  stamp?: DataStamp;
  targets: Target[];
}
