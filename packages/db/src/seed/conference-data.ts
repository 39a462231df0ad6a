/**
 * The seeded conference of DESIGN §9: 某区打击传销联席会议 and the 16 member units named in
 * the district's joint-meeting system, with their duties as the seeds and 禁止传销条例 give them.
 */
export interface SeedUnit {
  code: string;
  name: string;
  shortName: string;
  role: 'office' | 'lead' | 'member';
  hostsOffice?: boolean;
  duties: { area: 'strike' | 'prevent' | 'manage' | 'control' | 'educate'; text: string }[];
}

export const SEED_JURISDICTIONS = {
  city: { code: '360100', name: '某市', level: 'city' as const },
  district: { code: '360199', name: '某区', level: 'district' as const },
};

export const SEED_CONFERENCE = {
  name: '某区打击传销联席会议',
  serialPrefix: '打传交',
  timeZone: 'Asia/Shanghai',
};

export const SEED_UNITS: SeedUnit[] = [
  {
    code: 'scjg',
    name: '区市场监管分局',
    shortName: '市场监管',
    role: 'lead',
    hostsOffice: true,
    duties: [
      {
        area: 'strike',
        text: '依法查处传销行为（《禁止传销条例》第七条、第八条），会同电信等部门查处网络传销（第九条）',
      },
      { area: 'strike', text: '对涉嫌传销犯罪的案件依法移送公安机关（行刑衔接）' },
      {
        area: 'manage',
        text: '承担联席会议办公室（打传办）日常工作：线索受理、交办督办、工作简报',
      },
    ],
  },
  {
    code: 'ga',
    name: '区公安分局',
    shortName: '公安',
    role: 'lead',
    duties: [
      {
        area: 'strike',
        text: '依法侦办传销犯罪案件，破大案、挖源头、捣窝点、摧网络，打击组织者、领导者和骨干分子',
      },
      { area: 'control', text: '解救被传销组织控制的人员（《禁止传销条例》第十条）' },
      { area: 'manage', text: '加强出租房屋和流动人口清查管理' },
      { area: 'control', text: '统计并报送传销警情数据' },
    ],
  },
  {
    code: 'zfw',
    name: '区委政法委（综治办）',
    shortName: '政法委',
    role: 'member',
    duties: [{ area: 'manage', text: '统筹协调打击传销工作，将打传工作纳入综治（平安建设）考评' }],
  },
  {
    code: 'jw',
    name: '区监察委',
    shortName: '监察委',
    role: 'member',
    duties: [{ area: 'manage', text: '监督各成员单位履职情况，对失职失责的依规依纪依法问责' }],
  },
  {
    code: 'jcy',
    name: '区人民检察院',
    shortName: '检察院',
    role: 'member',
    duties: [{ area: 'strike', text: '对传销案件开展立案监督，依法批准逮捕、提起公诉' }],
  },
  {
    code: 'fy',
    name: '区人民法院',
    shortName: '法院',
    role: 'member',
    duties: [{ area: 'strike', text: '依法及时从重审理传销犯罪案件' }],
  },
  {
    code: 'xcb',
    name: '区委宣传部',
    shortName: '宣传部',
    role: 'member',
    duties: [{ area: 'educate', text: '组织主流媒体和新媒体开展打击传销宣传，发布警示案例' }],
  },
  {
    code: 'wgx',
    name: '区文广新局',
    shortName: '文广新局',
    role: 'member',
    duties: [
      { area: 'educate', text: '指导广播电视、网络视听开展防范传销宣传' },
      { area: 'prevent', text: '加强对出版物、文化场所的管理，防止传销利用宣传场所活动' },
    ],
  },
  {
    code: 'jy',
    name: '区教育局',
    shortName: '教育局',
    role: 'member',
    duties: [
      { area: 'prevent', text: '防止传销进校园，排查在校学生涉传情况' },
      { area: 'educate', text: '开展学生防范传销警示教育' },
    ],
  },
  {
    code: 'sf',
    name: '区司法局',
    shortName: '司法局',
    role: 'member',
    duties: [{ area: 'educate', text: '开展禁止传销法律法规普法宣传，为受害群众提供法律援助' }],
  },
  {
    code: 'mz',
    name: '区民政局',
    shortName: '民政局',
    role: 'member',
    duties: [
      { area: 'control', text: '做好被解救传销人员的临时救助和遣返工作，加强对社会组织的监管' },
    ],
  },
  {
    code: 'cz',
    name: '区财政局',
    shortName: '财政局',
    role: 'member',
    duties: [{ area: 'manage', text: '保障打击传销工作经费' }],
  },
  {
    code: 'fgw',
    name: '区发展和改革委员会',
    shortName: '发改委',
    role: 'member',
    duties: [
      { area: 'prevent', text: '在职责范围内支持防范和打击传销工作，将其纳入社会信用体系建设' },
    ],
  },
  {
    code: 'jxj',
    name: '区经济和信息化局',
    shortName: '经信局',
    role: 'member',
    duties: [{ area: 'prevent', text: '配合做好企业和电信领域网络传销防范，协助封堵传销网站' }],
  },
  {
    code: 'zjj',
    name: '区住房和城乡建设局（房产）',
    shortName: '住建局',
    role: 'member',
    duties: [
      { area: 'prevent', text: '加强房屋租赁管理，督促房东不将房屋出租给传销人员' },
      { area: 'manage', text: '配合公安机关开展出租房屋清查' },
    ],
  },
  {
    code: 'fzb',
    name: '区政府法制办',
    shortName: '法制办',
    role: 'member',
    duties: [{ area: 'manage', text: '提供法律审查，支持行政执法与刑事司法衔接工作' }],
  },
];

export const DEMO_PASSWORD = 'Lianxi@2026';

export const DEMO_STAFF = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' as const },
  { username: 'office', displayName: '打传办值班员', role: 'office' as const },
  { username: 'supervisor', displayName: '督查专员', role: 'supervisor' as const },
  { username: 'leader', displayName: '联席会议召集人', role: 'leader' as const },
];

/**
 * The default routing of new clues (ordered, first match wins): large, deep schemes are
 * crimes for the police; schools go to education; online schemes and everything else to
 * market regulation, which hosts the office.
 */
export const SEED_ROUTING_RULES = [
  {
    name: '参与人数 30 人以上且层级 3 级以上：移送公安',
    conditions: { minParticipants: 30, minLevels: 3 },
    unitCode: 'ga',
    kind: 'criminal_referral' as const,
  },
  {
    name: '涉及学校、学生：分流教育局',
    conditions: { keywords: ['学校', '学生', '校园', '大学生'] },
    unitCode: 'jy',
    kind: 'route' as const,
  },
  {
    name: '网络传销：分流市场监管',
    conditions: { categories: ['online' as const] },
    unitCode: 'scjg',
    kind: 'route' as const,
  },
  { name: '其余线索：分流市场监管', conditions: {}, unitCode: 'scjg', kind: 'route' as const },
];
