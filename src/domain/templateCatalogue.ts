/**
 * The five templates setup ships (SPEC §2.14), one per scenario of the seeds' 协作流程模板库, in
 * both languages. Departments are the ones SPEC §6's example names; offsets and durations are in
 * working days; a task depends on tasks of its own template, by name.
 */
import type { Locale } from '../i18n/index';
import { normalizeLabel } from './enums';
import type { TemplateDraftRow } from './templatePlan';
import { cellText } from './values';
import type { RecordOf } from './workflow';

type Both = readonly [zh: string, en: string];

interface ShippedTask {
  readonly task: Both;
  readonly dept: Both;
  readonly offset: number;
  readonly duration: number;
  readonly deliverable: Both;
  readonly dependsOn: readonly Both[];
}

interface ShippedTemplate {
  readonly name: Both;
  readonly projectType: Both;
  readonly tasks: readonly ShippedTask[];
}

const MARKET: Both = ['市场部', 'Marketing'];
const SALES: Both = ['销售部', 'Sales'];
const DESIGN: Both = ['设计部', 'Design'];
const FINANCE: Both = ['财务部', 'Finance'];
const PRODUCT: Both = ['产品部', 'Product'];
const AFTER_SALES: Both = ['售后部', 'After-sales'];
const SERVICE: Both = ['客户服务部', 'Customer Service'];

function task(
  name: Both,
  dept: Both,
  offset: number,
  duration: number,
  deliverable: Both,
  dependsOn: readonly Both[] = [],
): ShippedTask {
  return { task: name, dept, offset, duration, deliverable, dependsOn };
}

const LAUNCH_GOALS: Both = ['上市目标与卖点确认', 'Launch goals and selling points'];
const LAUNCH_PLAN: Both = ['新品推广方案撰写', 'Launch promotion plan'];
const LAUNCH_DESIGN: Both = ['包装与宣传物料设计', 'Packaging and promotional design'];
const LAUNCH_BUDGET: Both = ['推广预算审核', 'Promotion budget review'];
const LAUNCH_TRAINING: Both = ['销售培训材料制作', 'Sales training materials'];
const LAUNCH_SERVICE: Both = ['售后响应手册制定', 'After-sales response handbook'];

const EVENT_PLAN: Both = ['活动策划方案', 'Event plan'];
const EVENT_BUDGET: Both = ['活动预算审批', 'Event budget approval'];
const EVENT_DESIGN: Both = ['主视觉与物料设计', 'Key visual and materials'];
const EVENT_GUESTS: Both = ['客户邀约与报名', 'Customer invitations and sign-ups'];
const EVENT_SITE: Both = ['现场执行与物料到位', 'On-site delivery'];

const FLOW_SURVEY: Both = ['现状流程调研', 'Current process survey'];
const FLOW_CAUSES: Both = ['问题根因分析', 'Root-cause analysis'];
const FLOW_DESIGN: Both = ['新流程方案设计', 'New process design'];
const FLOW_FORMS: Both = ['售后制度与表单更新', 'After-sales rules and forms update'];
const FLOW_TRAINING: Both = ['新流程培训', 'New process training'];

const ISSUE_INTAKE: Both = ['问题受理与分级', 'Issue intake and severity'];
const ISSUE_WORKAROUND: Both = ['临时应对方案', 'Workaround for the customer'];
const ISSUE_CAUSE: Both = ['根因分析与定位', 'Root-cause analysis'];
const ISSUE_CONTACT: Both = ['客户沟通与安抚', 'Customer communication'];
const ISSUE_FIX: Both = ['永久解决方案上线', 'Permanent fix released'];
const ISSUE_COMPENSATION: Both = ['赔付与费用核定', 'Compensation and costs'];

const SHARE_NEEDS: Both = ['资源需求提报', 'Resource needs filed'];
const SHARE_STOCK: Both = ['可用资源盘点', 'Available resources inventory'];
const SHARE_PLAN: Both = ['调配方案制定', 'Allocation plan'];
const SHARE_COSTS: Both = ['成本分摊核定', 'Cost sharing'];
const SHARE_HANDOVER: Both = ['资源交接执行', 'Resource handover'];

const SHIPPED: readonly ShippedTemplate[] = [
  {
    name: ['新产品上市', 'New product launch'],
    projectType: ['产品上市', 'Product launch'],
    tasks: [
      task(LAUNCH_GOALS, PRODUCT, 0, 2, [
        '上市目标、目标人群与核心卖点经产品部、市场部确认',
        'Launch goals, target customers and core selling points agreed by Product and Marketing',
      ]),
      task(
        LAUNCH_PLAN,
        MARKET,
        2,
        7,
        [
          '推广方案含渠道、排期与预算（不超过批准额度），经市场部评审通过',
          'Plan with channels, schedule and a budget within the approved amount, passed by Marketing review',
        ],
        [LAUNCH_GOALS],
      ),
      task(
        LAUNCH_DESIGN,
        DESIGN,
        2,
        8,
        [
          '包装与全套宣传物料定稿，符合品牌规范，经市场部确认',
          'Packaging and every promotional item final, on brand, confirmed by Marketing',
        ],
        [LAUNCH_GOALS],
      ),
      task(
        LAUNCH_BUDGET,
        FINANCE,
        9,
        2,
        ['预算明细审批完成，超出部分附说明', 'Budget lines approved; any overrun explained'],
        [LAUNCH_PLAN],
      ),
      task(
        LAUNCH_TRAINING,
        SALES,
        9,
        5,
        [
          '覆盖核心卖点与竞品话术，通过销售部内部考核',
          'Core selling points and competitor talk track; passes the Sales internal test',
        ],
        [LAUNCH_PLAN],
      ),
      task(
        LAUNCH_SERVICE,
        AFTER_SALES,
        9,
        6,
        [
          '客诉 48 小时内处理流程，经客户服务部审核通过',
          'Complaints handled within 48 hours; approved by Customer Service',
        ],
        [LAUNCH_GOALS],
      ),
      task(
        ['渠道铺货执行', 'Channel distribution'],
        SALES,
        14,
        9,
        ['30 个核心城市铺货率达到 90%', '90 % distribution in 30 core cities'],
        [LAUNCH_TRAINING, LAUNCH_DESIGN, LAUNCH_BUDGET],
      ),
    ],
  },
  {
    name: ['大型市场活动', 'Large marketing event'],
    projectType: ['市场活动', 'Marketing event'],
    tasks: [
      task(EVENT_PLAN, MARKET, 0, 5, [
        '方案含目标、流程、嘉宾与预算，经市场部负责人批准',
        'Goals, run of show, guests and budget, approved by the head of Marketing',
      ]),
      task(
        EVENT_BUDGET,
        FINANCE,
        5,
        2,
        ['预算审批完成，费用科目与付款节点明确', 'Budget approved with cost lines and payment dates'],
        [EVENT_PLAN],
      ),
      task(
        EVENT_DESIGN,
        DESIGN,
        5,
        5,
        ['主视觉、邀请函、展板定稿并交付印刷文件', 'Key visual, invitation and boards final, print files delivered'],
        [EVENT_PLAN],
      ),
      task(
        EVENT_GUESTS,
        SALES,
        5,
        10,
        ['确认出席的重点客户不少于 100 家，名单含联系人', 'At least 100 key customers confirmed, each with a contact'],
        [EVENT_PLAN],
      ),
      task(
        EVENT_SITE,
        MARKET,
        15,
        2,
        [
          '场地、设备、物料按清单验收，无缺项',
          'Venue, equipment and materials checked against the list, nothing missing',
        ],
        [EVENT_DESIGN, EVENT_BUDGET, EVENT_GUESTS],
      ),
      task(
        ['活动复盘与线索移交', 'Review and lead handover'],
        SALES,
        17,
        3,
        [
          '线索全部录入并分配到销售，复盘报告提交',
          'Every lead entered and assigned to a salesperson; review report filed',
        ],
        [EVENT_SITE],
      ),
    ],
  },
  {
    name: ['跨部门流程优化', 'Cross-department process improvement'],
    projectType: ['流程优化', 'Process improvement'],
    tasks: [
      task(FLOW_SURVEY, SERVICE, 0, 5, [
        '现状流程图与痛点清单，经涉及部门确认',
        'Current process map and pain points, confirmed by every department involved',
      ]),
      task(
        FLOW_CAUSES,
        PRODUCT,
        5,
        3,
        ['每个痛点有根因与数据支撑', 'A root cause with data for every pain point'],
        [FLOW_SURVEY],
      ),
      task(
        FLOW_DESIGN,
        SERVICE,
        8,
        5,
        [
          '新流程图、权责清单与时限，经各部门负责人会签',
          'New process map, responsibilities and time limits, signed by every head',
        ],
        [FLOW_CAUSES],
      ),
      task(
        FLOW_FORMS,
        AFTER_SALES,
        13,
        4,
        ['制度文件与表单发布并生效', 'Rules and forms published and in force'],
        [FLOW_DESIGN],
      ),
      task(
        FLOW_TRAINING,
        SALES,
        13,
        3,
        ['相关岗位培训覆盖率 100%，考核通过', 'Every role concerned trained and tested'],
        [FLOW_DESIGN],
      ),
      task(
        ['试运行与效果评估', 'Pilot and evaluation'],
        SERVICE,
        17,
        10,
        [
          '试运行一个月，处理时效提升不少于 20%，评估报告提交',
          'One-month pilot, handling time at least 20 % shorter, evaluation filed',
        ],
        [FLOW_FORMS, FLOW_TRAINING],
      ),
    ],
  },
  {
    name: ['客户重大问题协同', 'Major customer issue'],
    projectType: ['客户问题', 'Customer issue'],
    tasks: [
      task(ISSUE_INTAKE, SERVICE, 0, 1, [
        '问题记录完整，24 小时内定级并确定责任人',
        'Issue recorded in full, graded and owned within 24 hours',
      ]),
      task(
        ISSUE_WORKAROUND,
        AFTER_SALES,
        1,
        2,
        ['客户确认临时方案可用，影响范围受控', 'Customer confirms the workaround; impact contained'],
        [ISSUE_INTAKE],
      ),
      task(
        ISSUE_CAUSE,
        PRODUCT,
        1,
        4,
        ['根因报告含复现步骤与影响范围', 'Root-cause report with steps to reproduce and the impact'],
        [ISSUE_INTAKE],
      ),
      task(
        ISSUE_CONTACT,
        SALES,
        1,
        8,
        ['每个工作日向客户同步进展，沟通记录完整', 'Customer updated every working day; every contact logged'],
        [ISSUE_INTAKE],
      ),
      task(
        ISSUE_FIX,
        PRODUCT,
        5,
        4,
        ['修复上线并经客户验证，问题不再复现', 'Fix released and verified by the customer; the issue does not recur'],
        [ISSUE_CAUSE],
      ),
      task(
        ISSUE_COMPENSATION,
        FINANCE,
        5,
        3,
        ['赔付金额按合同核定并完成审批', 'Compensation set by the contract and approved'],
        [ISSUE_CAUSE],
      ),
      task(
        ['结案复盘', 'Close-out review'],
        SERVICE,
        9,
        2,
        ['复盘报告与预防措施录入问题案例库', 'Review and preventive measures entered in the case library'],
        [ISSUE_FIX, ISSUE_CONTACT, ISSUE_COMPENSATION],
      ),
    ],
  },
  {
    name: ['资源调配与共享', 'Resource allocation and sharing'],
    projectType: ['资源调配', 'Resource allocation'],
    tasks: [
      task(SHARE_NEEDS, SALES, 0, 3, [
        '需求表含数量、时段与用途，经部门负责人签字',
        'Needs with quantities, periods and purposes, signed by the head',
      ]),
      task(SHARE_STOCK, FINANCE, 0, 3, [
        '可调配的人力、预算与设备清单，数据截至当日',
        'People, budget and equipment available, as of the day',
      ]),
      task(
        SHARE_PLAN,
        PRODUCT,
        3,
        3,
        [
          '调配方案明确优先级与借调期限，经涉及部门负责人会签',
          'Priorities and loan periods set, signed by the heads involved',
        ],
        [SHARE_NEEDS, SHARE_STOCK],
      ),
      task(
        SHARE_COSTS,
        FINANCE,
        6,
        2,
        ['分摊规则与金额确认，入账科目明确', 'Sharing rule and amounts agreed, with their accounts'],
        [SHARE_PLAN],
      ),
      task(
        SHARE_HANDOVER,
        MARKET,
        6,
        5,
        ['交接清单逐项签收，无遗漏', 'Handover list signed item by item, nothing missing'],
        [SHARE_PLAN],
      ),
      task(
        ['使用情况回顾', 'Usage review'],
        FINANCE,
        11,
        2,
        ['资源使用率与节余报告，提出共享改进建议', 'Usage and savings report with suggestions for sharing'],
        [SHARE_HANDOVER, SHARE_COSTS],
      ),
    ],
  },
];

export interface ShippedRow extends TemplateDraftRow {
  readonly template: string;
  readonly projectType: string;
}

/** The shipped templates as Templates rows, in the workbook's language. */
export function shippedTemplateRows(locale: Locale): ShippedRow[] {
  const pick = (both: Both) => (locale === 'en' ? both[1] : both[0]);
  return SHIPPED.flatMap((template) =>
    template.tasks.map((item) => ({
      template: pick(template.name),
      projectType: pick(template.projectType),
      task: pick(item.task),
      dept: pick(item.dept),
      offset: item.offset,
      duration: item.duration,
      deliverable: pick(item.deliverable),
      dependsOn: item.dependsOn.map(pick),
    })),
  );
}

const shippedKey = (template: string, task: string, dept: string) =>
  [template, task, dept].map((part) => normalizeLabel(part)).join('|');

const SHIPPED_KEYS = new Set(
  (['zh-CN', 'en'] as const).flatMap((locale) =>
    shippedTemplateRows(locale).map((row) => shippedKey(row.template, row.task, row.dept)),
  ),
);

/** Whether a Templates row still names the department setup shipped for its template and task (either language). */
export function isShippedDepartment(record: RecordOf<'templates'>): boolean {
  return SHIPPED_KEYS.has(shippedKey(cellText(record.template), cellText(record.task), cellText(record.dept)));
}
