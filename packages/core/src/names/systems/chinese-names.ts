/**
 * Tables of the spellings Chinese names have besides Hanyu Pinyin. Each entry is READING followed
 * by the characters read so, traditional and simplified forms both; a character on several lines
 * has several readings, the first line the usual one.
 */

function table(text: string): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.trim().split('\n')) {
    const [reading, ...writings] = line.trim().split(/\s+/) as [string, ...string[]];
    for (const w of writings) {
      // A run of single characters is that many entries; a compound surname is written with a + (司+徒).
      const keys = w.includes('+') ? [w.replaceAll('+', '')] : [...w];
      for (const k of keys) {
        const own = map.get(k);
        if (own === undefined) map.set(k, [reading]);
        else if (!own.includes(reading)) own.push(reading);
      }
    }
  }
  return map;
}

/**
 * Cantonese readings as Hong Kong writes them in names: the Hong Kong government's romanisation
 * practice (the spellings the Immigration Department puts on identity cards and passports, after
 * the Cantonese reading of each character): 陳 Chan, 張 Cheung, 黃 Wong, 吳 Ng, 劉 Lau, 德華 Tak Wah.
 * Surnames and the frequent characters of given names.
 */
export const CANTONESE = table(`
CHAN 陳陈
CHEUNG 張张蔣蒋章祥翔長长彰昌
WONG 黃黄王汪
LEE 李利
NG 吳吴伍
LAU 劉刘柳
LAM 林琳霖
LEUNG 梁
HO 何賀贺浩豪好皓灝灏
KWOK 郭國国
CHOW 周鄒邹
CHENG 鄭郑
TSE 謝谢
TSANG 曾
YIP 葉叶
CHOI 蔡財财才彩
FUNG 馮冯鳳凤峰鋒锋豐丰
HUI 許许
TANG 鄧邓
YEUNG 楊杨
CHIU 趙赵招
LAW 羅罗
LO 羅罗盧卢勞劳
WU 胡鄔邬
CHU 朱珠
TSUI 徐崔
SUEN 孫孙
MA 馬马
KO 高
MAK 麥麦
SO 蘇苏
MOK 莫
YU 余俞于魚鱼如宇雨羽裕瑜
YUEN 袁阮元源遠远
PANG 彭鵬鹏
POON 潘
CHUNG 鍾钟鐘中忠宗聰聪
TAM 譚谭談谈
MAN 文民敏萬万聞闻雯
FONG 方芳房
SHEK 石
TO 杜陶濤涛
TAI 戴
LUK 陸陆
HON 韓韩漢汉
YAU 邱丘游友有佑柔尤
AU 區区歐欧
YIU 姚耀瑤瑶
LIU 廖
LAI 賴赖黎麗丽禮礼
KOO 顧顾
KONG 江
KWAN 關关君鈞钧軍军均坤群
FOK 霍
YUNG 容翁勇蓉
WAN 溫温雲云尹允
LUI 雷呂吕
SUNG 宋
TONG 唐湯汤棠堂
TUNG 董童東东同冬
TING 丁婷亭廷庭霆
KEUNG 姜強强
SIU 蕭萧小少兆紹绍笑
SHIU 邵
SHAM 岑沈深
SHUM 沈
SZE 施詩诗思斯絲丝師师史
NGAI 魏倪藝艺毅
YIM 嚴严閻阎
YAN 殷甄欣恩仁人因茵
KAM 甘金錦锦琴
KAN 簡简
FAN 范樊
HONG 康
POK 博
PONG 龐庞邦
OR 柯
HAU 侯孝
HUNG 洪孔熊雄紅红鴻鸿
LOK 駱骆樂乐
KUNG 龔龚
PAK 白柏
CHEUK 卓
CHAK 翟澤泽
PAU 包鮑鲍
CHE 車车
CHIN 錢钱
TIN 田天
YAM 任
MO 毛巫武
NIP 聶聂
KEI 基琪淇棋旗麒其奇期紀纪
YING 邢英瑛盈瑩莹
WAI 偉伟威慧惠維维衛卫煒炜瑋玮韋韦
MING 明銘铭鳴鸣
WAH 華华
CHI 志智芝之
TSZ 子梓紫慈
KA 家嘉加
KAI 佳介啟启
CHUN 俊進进振珍真春駿骏晉晋
KIT 傑杰潔洁
MEI 美薇
LING 玲鈴铃靈灵凌
NING 寧宁
TAK 德
WING 榮荣永詠咏穎颖
SAN 新
SHAN 山珊
SANG 生
KIN 建健堅坚
SHING 成誠诚城承
SING 星
ON 安
KWONG 光廣广
FAI 輝辉暉晖
HOK 學学
HOI 海凱凯開开
PO 寶宝保
YUK 玉育旭
SAU 秀修守壽寿
SUK 淑
YUET 月悅悦
HING 興兴慶庆
LAP 立
TAT 達达
FAT 發发
FU 富
KWAI 貴贵桂
LONG 朗
CHING 晴靜静正清青程貞贞
LUNG 龍龙
YI 儀仪怡宜
YEE 綺绮義义
KUEN 權权娟
CHUEN 泉全川
SHUN 順顺信
CHAU 秋洲
SUM 心
LAN 蘭兰
MUI 梅
YIN 燕賢贤然
NGA 雅
KING 瓊琼景敬京
HIN 軒轩
HA 霞夏
PING 平萍冰
LIK 力
FUK 福
CHO 祖
YUN 潤润
SIK 錫锡
PAN 彬斌
KOON 冠觀观
HANG 恒恆亨
WANG 宏弘
SZETO 司+徒
SZEMA 司+馬 司+马
AUYEUNG 歐+陽 欧+阳
`);

/**
 * Surname spellings of the Chinese of Singapore and Malaysia, read in the dialect of the family
 * (Hokkien, Teochew, Cantonese, Hakka) as registered there: 陈 Tan, 林 Lim, 黄 Ng/Wee/Ooi,
 * 张 Teo/Chong, 吴 Goh, 蔡 Chua, 杨 Yeo, 郑 Tay/Teh, 王 Ong, 许 Koh, 郭 Quek, 洪 Ang, 邱 Khoo, 庄 Chng,
 * 苏 Soh; and the customary Taiwan spellings that are not plain Wade–Giles (李 Lee, 吳 Woo, 黃 Hwang,
 * 游 You, 呂 Lyu). Source: the surname spellings in use in the Singapore and Malaysian national
 * registration and in Taiwan passports (the Wade–Giles readings come from chinese-wade-giles.ts).
 */
export const SURNAME_SPELLINGS = table(`
TAN 陳陈
CHIN 陳陈
LIM 林
LUM 林
NG 黃黄吳吴
WEE 黃黄
OOI 黃黄
HWANG 黃黄
LEE 李
TEO 張张趙赵
CHONG 張张鍾钟莊庄
TEOH 張张
CHEONG 張张
GOH 吳吴
WOO 吳吴
LOW 劉刘
LIEW 劉刘
CHUA 蔡
CHOY 蔡
CHAI 蔡
YEO 楊杨
YEOH 楊杨
YONG 楊杨
TAY 鄭郑
TEH 鄭郑
ONG 王汪翁
KOH 許许高
KHOR 許许
QUEK 郭
KWEK 郭
KUEK 郭
KOK 郭
HOE 何
CHIA 謝谢
SEAH 謝谢
ANG 洪
KHOO 邱丘
KHU 邱丘
HEW 邱丘
CHAN 曾
SEOW 蕭萧
SIOW 蕭萧
CHNG 莊庄
SOH 蘇苏
SOO 蘇苏
CHEW 周
YAP 葉叶
IP 葉叶
LEONG 梁
NEO 梁
LOH 羅罗
LOR 羅罗
AW 胡
OH 胡
FOO 胡傅
CHOO 朱
CHEE 徐
SOON 孫孙
BEH 馬马
TOH 卓
PHUA 潘
PNG 方
POH 傅
LUA 賴赖
SIM 沈
PEH 白
SEE 施
TENG 丁
YOU 游
YEW 游
LYU 呂吕
OWYANG 歐+陽 欧+阳
AUYONG 歐+陽 欧+阳
`);

/**
 * The readings of characters as surnames where any-ascii gives another of their readings
 * (曾 is Zeng as a surname, not Ceng). Source: the surname readings of the Xinhua Zidian.
 */
export const SURNAME_PINYIN = table(`
ZENG 曾
SHAN 單单
XIE 解
QIU 仇
OU 區区
ZHA 查
YUE 樂乐
QIN 覃
ZHAI 翟
GE 蓋盖
PIAO 朴
MIAO 繆缪
CHONG 種种
SHAO 召
`);

/**
 * Compound (two-character) surnames in pinyin, syllable by syllable. Source: the compound
 * surnames of the Hundred Family Surnames (百家姓) still in use.
 */
export const COMPOUND_SURNAMES = table(`
SI_MA 司+馬 司+马
OU_YANG 歐+陽 欧+阳
SHANG_GUAN 上+官
ZHU_GE 諸+葛 诸+葛
SI_TU 司+徒
DONG_FANG 東+方 东+方
HUANG_FU 皇+甫
XIA_HOU 夏+侯
MU_RONG 慕+容
LING_HU 令+狐
GONG_SUN 公+孫 公+孙
YU_CHI 尉+遲 尉+迟
YU_WEN 宇+文
ZHANG_SUN 長+孫 长+孙
DUAN_MU 端+木
XI_MEN 西+門 西+门
NAN_GONG 南+宮 南+宫
`);
