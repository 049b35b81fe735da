import type { PlanMeta } from './plan-meta.ts';

/**
 * The plan tree: one set of types shared by the build pipeline (`scripts/`),
 * the site (`src/pages`) and the search code (`src/search`).
 *
 * Every node carries a stable `id` derived from the plan's own numbering
 * (see docs/ids.md), a `kind`, a `title`, a ready `citation` and the source
 * lines it came from, so that every error and every citation can point back
 * to the text.
 */

/** Source line range (1-based, inclusive) in the file under `content/`. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** Node kinds, in the plan's own terms. */
export type NodeKind =
  | 'document'
  | 'preface' // 前言: the unnumbered paragraphs before 第一章
  | 'chapter' // 章
  | 'section' // 节
  | 'subpart' // 一、二、… inside a section
  | 'measure' // a bold-led (**标题。**) or dash-led (——) paragraph
  | 'paragraph' // an un-headed paragraph
  | 'box' // 专栏
  | 'boxItem' // ◆ item of a 专栏
  | 'table' // 表
  | 'indicator' // one row of 表1 / 表2
  | 'figure' // 图 caption
  | 'note'; // 注：…

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
}

/** Heading-like containers: chapter 章, section 节, sub-part 一、. */
export interface HeadingNode extends NodeBase {
  kind: 'chapter' | 'section' | 'subpart';
  /** The plan's number for this heading: 7 for 第七章, 1 for 第一节 or 一、. */
  number: number;
  /** The label as printed: 第七章, 第一节, 一、 */
  label: string;
}

export interface PrefaceNode extends NodeBase {
  kind: 'preface';
}

/** A measure: a paragraph led by a bold title (**标题。**) or by ——. */
export interface MeasureNode extends NodeBase {
  kind: 'measure';
  /** Position among the measures of its container, 1-based. */
  number: number;
  /** The lead exactly as printed (with its final 。 and any leading ——). */
  lead: string;
  /** The rest of the paragraph after the lead. */
  text: string;
  /** How the plan marks it. */
  style: 'bold' | 'dash';
  /** Indicators this measure pursues (filled by the links stage). */
  indicators?: IndicatorLink[];
}

export interface ParagraphNode extends NodeBase {
  kind: 'paragraph';
  /** Position among the paragraphs of its container, 1-based. */
  number: number;
  text: string;
}

export interface BoxNode extends NodeBase {
  kind: 'box';
  /** 专栏 number. */
  number: number;
  /** As printed: 专栏 5 */
  label: string;
}

export interface BoxItemNode extends NodeBase {
  kind: 'boxItem';
  number: number;
  /** Full item text after the ◆ marker, title included. */
  text: string;
  /** Bold title as printed (with its 。), when the item has one. */
  lead?: string;
}

export interface FigureNode extends NodeBase {
  kind: 'figure';
  number: number;
  /** Caption as printed, e.g. 图1 “院士创新特区” 空间格局示意图. */
  text: string;
}

export interface NoteNode extends NodeBase {
  kind: 'note';
  /** Note text as printed, starting with 注：. */
  text: string;
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
}

export type LinkKind = 'explicit' | 'topical';

export interface IndicatorLink {
  id: string;
  kind: LinkKind;
}

export interface IndicatorNode extends NodeBase {
  kind: 'indicator';
  /** 1 for 表1, 2 for 表2. */
  table: number;
  /** 序号 */
  number: number;
  /** 类别, e.g. 经济发展 (resolved for rows that leave it blank). */
  category: string;
  /** Indicator name without its unit. */
  name: string;
  /** 单位, e.g. %, 万元/人 ('' when none). */
  unit: string;
  /** 属性 */
  attribute: '预期性' | '约束性';
  cells: IndicatorCell[];
  /** The row's cells exactly as written in the source, in column order. */
  raw: string[];
  /** Measures that pursue this indicator (filled by the links stage). */
  measures?: IndicatorLink[];
}

export interface TableNode extends NodeBase {
  kind: 'table';
  number: number;
  /** As printed: 表 1 李沧区…指标 */
  caption: string;
  /** Header cells as printed (first occurrence). */
  columns: string[];
  /** Header rows that the PDF repeated after a page break: kept for fidelity, never rows. */
  repeatedHeaders: { line: number; cells: string[] }[];
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
  kind: 'chapter' | 'section';
  number: number;
  title: string;
  page: number;
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
  | 'merged-cell'; // a cell the PDF merged vertically, resolved from its neighbour

export interface DocumentNode extends NodeBase {
  kind: 'document';
  metadata: DocumentMetadata;
  toc: TocEntry[];
  /** The 印发 notice before the 目录, kept as text. */
  notice: string[];
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
  | FigureNode
  | NoteNode;

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

/** What kind of thing an entity is. */
export type EntityType =
  | 'organization' // organization or platform: 青岛国际院士港, 中子科学国际研究院, 产业园…
  | 'place' // road 路, 街道, 社区, mountain 山, river 河, park 公园, 片区, 商圈, bay, district
  | 'project' // a named project: box items of the 重大项目 boxes, …工程, schools to be built
  | 'industry' // an industry or cluster: 生物医药, 中子能产业集群, box items of the 产业集群 boxes
  | 'policy' // a policy term the plan quotes: 院士创新特区, 三放两化, 9+3+1
  | 'indicator'; // an indicator of 表1 / 表2

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
  /** Stable slug from the canonical name (pinyin), e.g. `qing-dao-guo-ji-yuan-shi-gang`. */
  id: string;
  type: EntityType;
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
  schema: 1;
  entities: Entity[];
  /** Entities per type. */
  counts: Record<EntityType, number>;
}

/** How a target states its figure. */
export type TargetComparator =
  | '=' // 达到 / 达 / a plain count: reach this figure
  | '≥' // 以上, 不低于
  | '≤' // 以内, 控制在…以内, 不超过
  | 'range' // 300—500
  | '≈'; // 基本同步, 左右

/** One quantified commitment stated in the text (scripts/pipeline/targets.ts). */
export interface Target {
  /** `<node>.t<n>`: the n-th target of that node, e.g. `7.4.2.t2`. */
  id: string;
  /** The node holding the sentence (measure, paragraph or box item). */
  node: string;
  /** The measure the sentence belongs to (the node itself, or the measure a paragraph continues); null outside measures. */
  measure: string | null;
  /** Chapter number, for sorting. */
  chapter: number;
  /** What is measured, as the text words it: 森林覆盖率, 新建幼儿园. */
  metric: string;
  comparator: TargetComparator;
  /** The number, or null when the figure is not a number (B级标准, 与GDP增速基本同步). */
  value: number | null;
  /** Upper end of a range (300—500), else null. */
  valueMax: number | null;
  /** The figure exactly as printed, with its unit and any 以上/以内: `16.5%`, `300个以上`. */
  valueText: string;
  /** Unit as printed (%, 个, 公里/平方公里), '' when none. */
  unit: string;
  /** 累计: a cumulative five-year figure. */
  cumulative: boolean;
  /** Deadline year when the text states one (到2025年 → 2025), else null. */
  year: number | null;
  /** Deadline as printed (到2025年, 三到五年内), or null when the text states none. */
  deadline: string | null;
  /** The 表2 indicator the metric names, when one does. */
  indicator: string | null;
  /** The whole sentence as printed (up to and including its 。), verbatim in the node's text. */
  sentence: string;
  /** Offset of `sentence` in the node's text. */
  sentenceStart: number;
  /** The clause that states the figure, starting at the deadline when the deadline opens it. */
  clause: string;
}

/** The file written to .generated/targets.json (and served as /data/targets.json). */
export interface TargetFile {
  /** Bumped when the shape of this file changes. */
  schema: 1;
  targets: Target[];
}
