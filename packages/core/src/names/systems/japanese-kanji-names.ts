/**
 * Japanese readings of names written in kanji. any-ascii reads kanji by their Mandarin readings
 * (山田太郎 → SHAN TIANTAILANG); a Japanese name is read by whole words: the surname, then the
 * given name. Readings are in modified Hepburn without macrons (Satō → SATO), the form
 * japanese-romaji.ts brings every spelling to; a slash separates the readings of one writing.
 */

function table(text: string): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const entry of text.trim().split(/\s+/)) {
    const [writings, readings] = entry.split(':') as [string, string];
    for (const w of writings.split(',')) map.set(w, readings.split('/'));
  }
  return map;
}

/**
 * The common Japanese surnames as whole words, with the variant forms of their kanji (邊 邉 for 辺,
 * 齋 齊 for 斎, 澤 for 沢, 濱 for 浜, 﨑 for 崎). Source: the most frequent surnames in Japan by
 * number of bearers (the rankings compiled by Meiji Yasuda Life's name surveys and
 * myoji-yurai.net), with the readings of their bearers; surnames of public figures besides.
 */
export const JAPANESE_SURNAMES = table(`
佐藤:SATO 鈴木:SUZUKI 高橋:TAKAHASHI 田中:TANAKA 伊藤:ITO 渡辺,渡邊,渡邉,渡部:WATANABE 山本:YAMAMOTO
中村:NAKAMURA 小林:KOBAYASHI 加藤:KATO 吉田:YOSHIDA 山田:YAMADA 佐々木,佐佐木:SASAKI 山口:YAMAGUCHI
松本:MATSUMOTO 井上:INOUE 木村:KIMURA 林:HAYASHI 斎藤,斉藤,齋藤,齊藤:SAITO 清水:SHIMIZU
山崎,山﨑:YAMAZAKI/YAMASAKI 森:MORI 池田:IKEDA 橋本:HASHIMOTO 阿部,安倍:ABE 石川:ISHIKAWA 山下:YAMASHITA
中島:NAKAJIMA/NAKASHIMA 石井:ISHII 小川:OGAWA 前田:MAEDA 岡田:OKADA 長谷川:HASEGAWA 藤田:FUJITA
後藤:GOTO 近藤:KONDO 村上:MURAKAMI 遠藤:ENDO 青木:AOKI 坂本:SAKAMOTO 福田:FUKUDA 太田:OTA
西村:NISHIMURA 藤井:FUJII 金子:KANEKO 岡本:OKAMOTO 藤原:FUJIWARA 中野:NAKANO 三浦:MIURA 原田:HARADA
中川:NAKAGAWA 松田:MATSUDA 竹内:TAKEUCHI 小野:ONO 田村:TAMURA 中山:NAKAYAMA 和田:WADA 石田:ISHIDA
森田:MORITA 上田:UEDA 原:HARA 内田:UCHIDA 柴田:SHIBATA 酒井,坂井:SAKAI 宮崎:MIYAZAKI 横山:YOKOYAMA
高木:TAKAGI 安藤:ANDO 宮本:MIYAMOTO 大野:ONO 小島:KOJIMA 谷口:TANIGUCHI 今井:IMAI 工藤:KUDO
高田:TAKADA 増田:MASUDA 丸山:MARUYAMA 杉山:SUGIYAMA 村田:MURATA 大塚:OTSUKA 新井,荒井:ARAI 小山:KOYAMA
平野:HIRANO 藤本:FUJIMOTO 河野:KONO/KAWANO 上野:UENO 野口:NOGUCHI 武田,竹田:TAKEDA 松井:MATSUI
千葉:CHIBA 岩崎:IWASAKI 菅原:SUGAWARA 木下:KINOSHITA 久保:KUBO 佐野:SANO 野村:NOMURA 松尾:MATSUO
市川:ICHIKAWA 菊地,菊池:KIKUCHI 杉本:SUGIMOTO 古川:FURUKAWA 大西:ONISHI 島田:SHIMADA 水野:MIZUNO
桜井,櫻井:SAKURAI 高野:TAKANO 吉川:YOSHIKAWA 山内:YAMAUCHI 西田:NISHIDA 飯田:IIDA 菅野:SUGANO/KANNO
服部:HATTORI 早川:HAYAKAWA 馬場:BABA 小池:KOIKE 山中:YAMANAKA 石原:ISHIHARA 大橋:OHASHI 秋山:AKIYAMA
浅野:ASANO 平田:HIRATA 中田:NAKATA 岩田:IWATA 荒木:ARAKI 東:HIGASHI/AZUMA 小松:KOMATSU 本田:HONDA
北村:KITAMURA 小西:KONISHI 大久保:OKUBO 安田:YASUDA 中西:NAKANISHI 久保田:KUBOTA 桑原:KUWABARA
松岡:MATSUOKA 内藤:NAITO 星野:HOSHINO 永井:NAGAI 田口:TAGUCHI 川口:KAWAGUCHI 松下:MATSUSHITA
大谷:OTANI 川上:KAWAKAMI 野田:NODA 堀:HORI 岡:OKA 松浦:MATSUURA 大石:OISHI 吉村:YOSHIMURA 辻:TSUJI
西川:NISHIKAWA 五十嵐:IGARASHI 片山:KATAYAMA 関:SEKI 熊谷:KUMAGAI 望月:MOCHIZUKI 田辺:TANABE
川村:KAWAMURA 森本:MORIMOTO 松村:MATSUMURA 村井:MURAI 岡崎:OKAZAKI 土屋:TSUCHIYA 浜田,濱田:HAMADA
福島:FUKUSHIMA 今村:IMAMURA 三宅:MIYAKE 宮田:MIYATA 山根:YAMANE 大川:OKAWA 小田:ODA 西山:NISHIYAMA
内山:UCHIYAMA 中尾:NAKAO 坂口:SAKAGUCHI 榎本:ENOMOTO 吉岡:YOSHIOKA 石橋:ISHIBASHI 宮下:MIYASHITA
大島:OSHIMA 小原:OHARA 須藤:SUDO 上原:UEHARA 川崎:KAWASAKI 松永:MATSUNAGA 野崎:NOZAKI 徳永:TOKUNAGA
矢野:YANO 杉田:SUGITA 平井:HIRAI 高山:TAKAYAMA 尾崎:OZAKI 上村:UEMURA/KAMIMURA 山岸:YAMAGISHI
森川:MORIKAWA 稲垣:INAGAKI 本間:HONMA 新田:NITTA 篠原:SHINOHARA 原口:HARAGUCHI 大森:OMORI
沢田,澤田:SAWADA 吉野:YOSHINO 小沢,小澤:OZAWA 宇野:UNO 永田:NAGATA 高井:TAKAI 西尾:NISHIO
藤村:FUJIMURA 岡村:OKAMURA 森下:MORISHITA 中谷:NAKATANI 黒田:KURODA 坂田:SAKATA 堤:TSUTSUMI
三上:MIKAMI 豊田:TOYODA 広瀬,廣瀬:HIROSE 菅:SUGA/KAN 岸:KISHI 岸田:KISHIDA 麻生:ASO 石破:ISHIBA
鳩山:HATOYAMA 小泉:KOIZUMI 宮沢,宮澤:MIYAZAWA 竹下:TAKESHITA 中曽根:NAKASONE 細川:HOSOKAWA
村山:MURAYAMA 小渕:OBUCHI 岡部:OKABE 浅井:ASAI 秋元:AKIMOTO 松原:MATSUBARA 北川:KITAGAWA 大山:OYAMA
宮川:MIYAGAWA 中井:NAKAI 西:NISHI 南:MINAMI 白石:SHIRAISHI 白井:SHIRAI 青山:AOYAMA 金井:KANAI
奥村:OKUMURA 奥田:OKUDA 松山:MATSUYAMA 篠田:SHINODA 大竹:OTAKE 大沢,大澤:OSAWA 若林:WAKABAYASHI
関口:SEKIGUCHI 吉本:YOSHIMOTO 福井:FUKUI 福本:FUKUMOTO 山村:YAMAMURA 田島:TAJIMA 三好:MIYOSHI
梅田:UMEDA 井口:IGUCHI 富田:TOMITA 宮内:MIYAUCHI 小倉:OGURA 根本:NEMOTO 水谷:MIZUTANI 松島:MATSUSHIMA
津田:TSUDA 土井:DOI 石塚:ISHIZUKA 川田:KAWADA 中原:NAKAHARA 寺田:TERADA 小笠原:OGASAWARA 黒川:KUROKAWA
中沢,中澤:NAKAZAWA 松崎:MATSUZAKI 今野:KONNO 成田:NARITA 岩本:IWAMOTO 戸田:TODA 小野寺:ONODERA
杉浦:SUGIURA 堀田:HOTTA 川島:KAWASHIMA 西野:NISHINO 安井:YASUI 日高:HIDAKA 岩井:IWAI 宮城:MIYAGI
比嘉:HIGA 金城:KINJO 大城:OSHIRO 新垣:ARAKAKI 玉城:TAMAKI 徳川:TOKUGAWA 難波:NANBA 本多:HONDA
樋口:HIGUCHI 野中:NONAKA 中嶋:NAKAJIMA 大田:OTA 小谷:KOTANI 吉原:YOSHIHARA 橋口:HASHIGUCHI
`);

/**
 * Common given names as whole words. Source: the usual readings of the most frequent given names
 * of people born in Japan in the twentieth century and since (Meiji Yasuda Life's yearly
 * rankings of baby names).
 */
export const JAPANESE_GIVEN_NAMES = table(`
太郎:TARO 次郎,二郎:JIRO 三郎:SABURO 一郎:ICHIRO 四郎:SHIRO 健太:KENTA 翔太:SHOTA 大輔,大介:DAISUKE
健一:KENICHI 浩:HIROSHI 博:HIROSHI 洋:HIROSHI 誠:MAKOTO 学:MANABU 茂:SHIGERU 清:KIYOSHI 隆:TAKASHI
孝:TAKASHI 修:OSAMU 勇:ISAMU 明:AKIRA 昭:AKIRA 晃:AKIRA 実:MINORU 稔:MINORU 豊:YUTAKA 進:SUSUMU
和夫:KAZUO 正:TADASHI 正夫:MASAO 一:HAJIME 達也:TATSUYA 拓也:TAKUYA 哲也:TETSUYA 直樹:NAOKI
陽介:YOSUKE 雄一:YUICHI 健:KEN/TAKESHI 武:TAKESHI 剛:TSUYOSHI/GO 翔:SHO 蓮:REN 陽翔:HARUTO 湊:MINATO
大翔:HIROTO/YAMATO 悠人:YUTO 樹:ITSUKI 晋三:SHINZO 文雄:FUMIO 義偉:YOSHIHIDE 純一郎:JUNICHIRO
康夫:YASUO 由紀夫:YUKIO 直人:NAOTO 秀樹,英樹:HIDEKI 光:HIKARU 亮,涼:RYO 智,聡:SATOSHI 和也:KAZUYA
裕太,優太,雄太:YUTA 慎吾:SHINGO 信也:SHINYA 真一:SHINICHI 浩二:KOJI 浩一,幸一:KOICHI 隆之:TAKAYUKI
正和:MASAKAZU 大樹:DAIKI/HIROKI 拓海:TAKUMI 健二:KENJI 賢治:KENJI 俊介:SHUNSUKE 直美:NAOMI
花子:HANAKO 幸子:SACHIKO 恵子:KEIKO 京子:KYOKO 洋子,陽子:YOKO 裕子,優子:YUKO 由美子:YUMIKO 久美子:KUMIKO
智子:TOMOKO 直子:NAOKO 明美:AKEMI 美穂:MIHO 真由美:MAYUMI 愛:AI 美咲:MISAKI 陽菜:HINA 結衣:YUI
桜:SAKURA 葵:AOI 結菜:YUNA 美紀,美樹:MIKI 由美:YUMI 恵:MEGUMI 和子:KAZUKO 節子:SETSUKO
順子,純子:JUNKO 典子,紀子:NORIKO 美智子:MICHIKO 雅子:MASAKO 文子:FUMIKO 悦子:ETSUKO 由紀:YUKI
麻衣,舞:MAI 彩,綾:AYA 香織:KAORI 沙織:SAORI 美香:MIKA 友美,智美:TOMOMI 真理子:MARIKO 千尋:CHIHIRO
奈々:NANA 菜々子:NANAKO 美奈子:MINAKO 百合子:YURIKO 加奈子:KANAKO 理恵:RIE 里美:SATOMI 涼子:RYOKO
良子,芳子:YOSHIKO 春子:HARUKO 明子,晶子,秋子:AKIKO 夏子:NATSUKO 英子:EIKO 静香:SHIZUKA 玲子,礼子:REIKO
`);

/**
 * The usual reading of a kanji in given names, for a given name not in the table above, read
 * kanji by kanji (健二 KEN + JI). Source: the name readings (nanori) of these kanji as the
 * Japanese dictionaries of names give them; the most frequent first.
 */
export const GIVEN_NAME_KANJI = table(`
太:TA 郎:RO 一:ICHI/KAZU 二:JI 三:ZO 介,輔,助:SUKE 也,哉:YA 人:TO 斗:TO 翔:SHO 大:DAI/HIRO 真:MA/SHIN
美:MI 子:KO 花:HANA 香:KA 奈,菜:NA 由:YU 優,悠,裕,佑,祐:YU 結:YUI 愛:AI 千:CHI 智,友:TOMO 和:KAZU
正,雅,昌:MASA 秀,英:HIDE 浩,弘,博,宏,広:HIRO 隆,孝,貴:TAKA 俊,敏:TOSHI 直,尚:NAO 幸:YUKI/KO 之:YUKI
樹:KI 彦:HIKO 夫,男:O 雄:O/YU 健,賢:KEN 治:JI 次:JI 司:JI 平:HEI 吾:GO 悟:GO 紀:NORI/KI
恵:E 理:RI 里:RI 明:AKI 晃:AKI 秋:AKI 春:HARU 陽:HARU/YO 夏:NATSU 冬:FUYU 信:NOBU 伸:NOBU 康:YASU
泰:YASU 義:YOSHI 良:YOSHI/RYO 芳:YOSHI 佳:KA/YOSHI 純:JUN 順:JUN 淳:JUN 亮:RYO 涼:RYO 恭:KYO
京:KYO 達:TATSU 龍,竜:RYU 勝:KATSU 克:KATSU 光:MITSU 満:MITSU 道:MICHI 剛:GO 哲:TETSU 徹:TORU
実:MI 穂:HO 保:HO 歩:AYUMI 彩:AYA 綾:AYA 舞:MAI 麻:MA 沙:SA 咲:SAKI 早:SA 紗:SA 乃:NO 希:KI
`);
