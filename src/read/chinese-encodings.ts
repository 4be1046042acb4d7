/**
 * GB18030 or Big5, for a file whose bytes are neither UTF-8 nor Latin text.
 *
 * Excel's plain "CSV" writes GB18030 (GBK) on simplified-Chinese Windows and
 * Big5 on traditional-Chinese Windows (Taiwan, Hong Kong). Most byte pairs are
 * valid in both, so decoding with the wrong one gives plausible Chinese that is
 * nonsense (`張國榮` in Big5 read as GB18030 is `眎瓣篴`). So both are tried:
 * bytes that only one of them can decode decide; otherwise each reading is
 * scored by how many of its characters are among those that names and contact
 * sheets use most (below, simplified and traditional), or at least in its
 * encoding's block of frequent characters, less those nobody puts in a contact
 * sheet (kana, Cyrillic, box drawing, private use: what the wrong decoder makes
 * of the other's pairs). When neither reading clearly wins, the caller asks for
 * `--encoding` rather than guess. (The weights were tried on names of random
 * characters, the hardest case: one to four characters never came out wrong,
 * only refused; see test/chinese-encodings.test.ts.)
 */
import { loadIconv } from './iconv.js';

export type ChineseEncoding = 'gb18030' | 'big5';

/**
 * Common surnames, given-name characters and the words of contact-sheet
 * headers, in simplified and traditional forms, then the most frequent
 * characters of written Chinese.
 */
const COMMON_HAN: ReadonlySet<string> = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金' +
  '石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章' +
  '鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛管柴蒙鲍华赖洪邝麦区简连岑張劉' +
  '陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閆龍賀顧龔萬錢嚴湯齊喬龐顏莊聶魯歐關蘭寧紀畢單塗駱藍鮑華賴鄺麥區簡連溫' +
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂玉萍红燕鹏飞辉建国峰波宇浩凯俊婷雪琳晶欣怡佳颖丹蕾倩莉慧婧玲雯琪璐梦瑶晨阳' +
  '鑫博斌彬亮海宏志东春晓晖云芬淑珍凤翠荣民永长生福德宝山水庆祥瑞嘉子思雨然诗涵梓轩睿泽一天心若伊婉清小新立光大中正义忠仁礼' +
  '信智美惠珊雅琴娇秋月星亚欢乐家豪健振兴卫南北西伦学友朝奕迅菲咏仪芷晴朗达锦绮韵君雄偉靜麗強軍艷傑濤剛紅鵬飛輝國凱穎夢瑤陽' +
  '東曉暉雲鳳榮長寶慶詩軒澤義禮嬌歡樂興衛倫學詠儀峯達錦綺韻姓名字邮箱件电话手机号码职位头衔消息类型备注部门公司地址联系人服' +
  '务技术总监经理产品故障财全员账户帐用称编序日期工主事首席执行官运营市场销售通知提醒郵電話機號碼職頭銜訊類備註門聯絡務術總' +
  '監經產財員帳戶稱編執運營場銷與的是不了在有这为上个我以要他时来们到作出就分对会可发年动同也能下过说种面而后多定法所得十三' +
  '之进着等度里如化自二起物现实加量都两体制当使点从本去把性好应开它合还因由其些前外政四那社形相表间样与各重内数反你看原又么' +
  '利比或但质气第道命此变条只没结解问意无很情者最代想已并直题党展五果料象革入次式活设及特求老基资边流级少图统接较将组见计别' +
  '她角根论农指几九放决被干做必战先回则取据处队给色即保治造百规热领七口导器压世增争济阶油极交受什认六共权收证改己再采转更风' +
  '切打教速花带身车例真具每目至走积示议声报斗完八离确才科节米整空元况今集传土步群广记需研界拉律叫且究观越织装影算低持音众书' +
  '布复容儿须际商非验断深难近矿千委素半办青省列习响约支般感劳便团往酸历克除构府太准精值率族维划选标写存候亲快效斯院查眼按格' +
  '养置派层片始却专状育厂京识适属圆火住调满县局照参细引听该铁价',
);

/** A character that is not among the common ones but in its encoding's block of frequent characters counts this much. */
const FREQUENT_WEIGHT = 0.7;
/** The better reading must score this much … */
const CLEAR_SCORE = 0.4;
/** … and beat the other by this much, plus this much divided by the characters read. */
const CLEAR_LEAD = 0.25;
const THIN_EVIDENCE = 0.3;

/**
 * Each encoding's block of frequently used characters, as its standard lays
 * it out: GB2312's level 1 (3,755 characters, rows 0xB0–0xD7) and Big5's
 * "frequently used" block (5,401 characters, 0xA440–0xC67E). The wrong decoder
 * lands outside it often; the right one seldom.
 */
const FREQUENT_BLOCKS: Record<ChineseEncoding, { leads: [number, number]; trails: [number, number][]; end: number }> = {
  gb18030: { leads: [0xb0, 0xd7], trails: [[0xa1, 0xfe]], end: 0xd7f9 },
  big5: { leads: [0xa4, 0xc6], trails: [[0x40, 0x7e], [0xa1, 0xfe]], end: 0xc67e },
};
const frequent: Partial<Record<ChineseEncoding, ReadonlySet<string>>> = {};

/** The characters of an encoding's frequent block, found once by decoding the block. */
function frequentCharacters(encoding: ChineseEncoding): ReadonlySet<string> {
  const cached = frequent[encoding];
  if (cached) return cached;
  const { leads, trails, end } = FREQUENT_BLOCKS[encoding];
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++) {
    for (const [first, last] of trails) for (let trail = first; trail <= last && (lead << 8) + trail <= end; trail++) bytes.push(lead, trail);
  }
  const characters = new Set(loadIconv().decode(Buffer.from(bytes), encoding));
  characters.delete('\ufffd');
  return (frequent[encoding] = characters);
}

interface Reading {
  encoding: ChineseEncoding;
  /** Non-ASCII characters read. */
  characters: number;
  /** Byte sequences the encoding cannot decode (each one a U+FFFD). */
  invalid: number;
  /**
   * Per non-ASCII character: 1 for a common one, FREQUENT_WEIGHT for one in the
   * frequent block, -1 for an implausible one, -2 for an invalid sequence.
   */
  score: number;
}

/** The encoding `sample` is clearly written in, or undefined when it reads about as well in both. */
export function tellChineseEncoding(sample: Buffer): ChineseEncoding | undefined {
  const text = completeLines(sample);
  const gb = read(text, 'gb18030');
  const big5 = read(text, 'big5');
  // Bytes only one of them can decode decide, unless the other reads as nonsense too.
  if (gb.invalid > 0 !== big5.invalid > 0) {
    const valid = gb.invalid === 0 ? gb : big5;
    return valid.score >= 0 ? valid.encoding : undefined;
  }
  const [best, other] = gb.score >= big5.score ? [gb, big5] : [big5, gb];
  // A few characters are thin evidence: the fewer there are, the wider the lead must be.
  const lead = CLEAR_LEAD + THIN_EVIDENCE / Math.max(1, best.characters);
  return best.score >= CLEAR_SCORE && best.score - other.score >= lead ? best.encoding : undefined;
}

function read(sample: Buffer, encoding: ChineseEncoding): Reading {
  let characters = 0;
  let points = 0;
  let invalid = 0;
  const frequentBlock = frequentCharacters(encoding);
  for (const character of loadIconv().decode(sample, encoding)) {
    const code = character.codePointAt(0)!;
    if (code < 0x80) continue;
    characters++;
    if (code === 0xfffd) invalid++;
    else if (COMMON_HAN.has(character)) points += 1;
    else if (frequentBlock.has(character)) points += FREQUENT_WEIGHT;
    else if (!plausible(code)) points -= 1;
  }
  return { encoding, characters, invalid, score: characters === 0 ? 0 : (points - 2 * invalid) / characters };
}

/** Han characters, CJK punctuation and full-width forms: what a Chinese contact sheet is written in. */
function plausible(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** The sample up to its last line feed, when it has one after its first high byte: no character cut in two at its end. */
function completeLines(sample: Buffer): Buffer {
  const firstHigh = sample.findIndex((byte) => byte >= 0x80);
  const lastLineFeed = sample.lastIndexOf(10);
  return lastLineFeed > firstHigh ? sample.subarray(0, lastLineFeed + 1) : sample;
}
