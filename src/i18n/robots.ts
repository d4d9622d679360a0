/** Group robots (SPEC §3.8): what a group reads, what coordinators are told, and the robot columns' checks. */
export const robotText = {
  robotTitle: { 'zh-CN': '【协作台】{group}：{count} 项提醒', en: 'Collab Desk · {group}: {count} notices' },
  robotItem: { 'zh-CN': '【{rule}】{item}：{line}', en: '[{rule}] {item}: {line}' },
  robotMore: { 'zh-CN': '……另有 {count} 项', en: '+{count} more' },
  robotOpenTasks: { 'zh-CN': '打开任务表', en: 'Open the Tasks sheet' },
  robotCoordinatorGroup: { 'zh-CN': '协作负责人群', en: 'Coordinators' },
  robotBrokenMailSubject: {
    'zh-CN': '[协作台] {group}的群机器人无法发送',
    en: '[Collab Desk] The {group} group robot cannot post',
  },
  robotBrokenMailBody: {
    'zh-CN':
      '{group}的{platform}群机器人拒绝了消息：{reason}（{detail}）。\n在协作总负责人修改它的机器人地址、加签密钥或关键词之前，不再向该群发送；这些提醒仍然通过邮件发给每个人。\n{url}',
    en: 'The {platform} robot of {group} refused a message: {reason} ({detail}).\nNothing more is posted to that group until a coordinator changes its webhook, secret or keyword; its notices still go to each person by email.\n{url}',
  },
  robotReasonAddress: {
    'zh-CN': '机器人地址无效或机器人已被移除',
    en: 'the webhook is wrong or the robot was removed',
  },
  robotReasonSignature: {
    'zh-CN': '加签校验失败（密钥或时间戳不对）',
    en: 'the signature was refused (secret or timestamp)',
  },
  robotReasonKeyword: { 'zh-CN': '消息不含机器人要求的关键词', en: 'the message lacks the keyword the robot requires' },
  robotReasonIp: {
    'zh-CN': '机器人设置了 IP 白名单，不接受 Google 的地址',
    en: "the robot's IP allow-list refuses Google's servers",
  },
  robotProblemWebhookMissing: {
    'zh-CN': '已选择群机器人 {platform}，但未填写机器人地址',
    en: 'A {platform} robot is chosen but its webhook is empty',
  },
  robotProblemWebhookNotHttps: {
    'zh-CN': '机器人地址必须以 https:// 开头；允许：{allowed}',
    en: 'The webhook must start with https://; allowed: {allowed}',
  },
  robotProblemWebhookWrongHost: {
    'zh-CN': '这不是 {platform} 的机器人地址；应以 {allowed} 开头',
    en: 'This is not a {platform} webhook; it should start with {allowed}',
  },
  robotProblemSecretMalformed: {
    'zh-CN': '加签密钥格式不对：{platform} 的密钥应为 {allowed}',
    en: 'The secret is malformed: a {platform} secret is {allowed}',
  },
  robotProblemSecretUnused: {
    'zh-CN': '{platform} 群机器人不使用加签密钥，请留空',
    en: 'A {platform} robot does not sign: leave the secret empty',
  },
  robotProblemNoPlatform: {
    'zh-CN': '填写了机器人地址，但未选择群机器人（企业微信、钉钉、飞书或 Google Chat）',
    en: 'A webhook is filled in but no group robot is chosen (WeCom, DingTalk, Feishu or Google Chat)',
  },
  robotSecretShapeDingtalk: { 'zh-CN': 'SEC 加 64 位十六进制字符', en: 'SEC followed by 64 hex digits' },
  robotSecretShapeFeishu: { 'zh-CN': '16–64 位字母或数字', en: '16–64 letters or digits' },
  settingAllowedText: { 'zh-CN': '任意文本', en: 'any text' },
  settingAllowedRobot: {
    'zh-CN': '企业微信、钉钉、飞书、Google Chat 或留空',
    en: 'WeCom, DingTalk, Feishu, Google Chat or empty',
  },
  settingCoordinatorRobot: { 'zh-CN': '协作负责人群机器人', en: "Coordinators' group robot" },
  settingCoordinatorRobotHelp: {
    'zh-CN': '协作负责人群的群机器人平台：L3 升级和发给协作总负责人的提醒会发到该群；留空则不发',
    en: "The coordinators' group robot: L3 escalations and the coordinators' own notices are posted there; empty for none",
  },
  settingCoordinatorWebhook: { 'zh-CN': '协作负责人群机器人地址', en: "Coordinators' robot webhook" },
  settingCoordinatorWebhookHelp: {
    'zh-CN': '群机器人的 Webhook 地址（https://…），只有协作总负责人能看到',
    en: 'The robot’s webhook (https://…); only coordinators see it',
  },
  settingCoordinatorSecret: { 'zh-CN': '协作负责人群加签密钥', en: "Coordinators' robot secret" },
  settingCoordinatorSecretHelp: {
    'zh-CN': '钉钉加签或飞书签名校验的密钥；不签名则留空',
    en: 'The DingTalk 加签 or Feishu signature secret; empty when the robot does not sign',
  },
  settingCoordinatorKeyword: { 'zh-CN': '协作负责人群关键词', en: "Coordinators' robot keyword" },
  settingCoordinatorKeywordHelp: {
    'zh-CN': '机器人要求的自定义关键词，每条消息都会带上；不要求则留空',
    en: 'The keyword the robot requires, sent in every message; empty when none',
  },
} as const;
