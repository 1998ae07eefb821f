/** Word lists for PERSON and ADDRESS (lower-case). Compiled by hand from common-knowledge name and place lists. */

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Common given names (English-language, including those used as English names in Hong Kong and Singapore). */
export const FIRST_NAMES = set(`
aaron adam adrian aidan alan albert alex alexander alexandra alice alicia alison amanda amber amelia amy andrea andrew
andy angela angus anita ann anna anne annie anthony antonio april arthur ashley audrey austin barbara ben benjamin betty
beverly bill billy bob bonnie brad bradley brandon brenda brian bridget brittany bruce bryan caitlin calvin cameron
carl carlos carmen carol caroline carrie catherine cathy charles charlie charlotte chelsea cheryl chloe chris christina
christine christopher cindy claire clara colin connie craig crystal cynthia daisy dale daniel danny daphne darren dave
david dawn dean debbie deborah denise dennis derek diana diane dominic donald donna doris dorothy douglas dylan eddie
edgar edith edmund edward edwin eileen elaine eleanor elena eliza elizabeth ella ellen ellie emily emma eric erica ernest
ethan eugene eunice eva evan evelyn faith fiona florence frances francis frank fred freddie gabriel gareth gary gavin
gemma george georgia gerald gina gloria gordon grace graham grant greg gregory hannah harold harry hazel heather helen
henry herbert holly howard hugo ian irene iris isaac isabel isabella ivan ivy jack jackie jacob jacqueline jade james
jamie jane janet janice jasmine jason jean jeff jeffrey jennifer jenny jeremy jerry jesse jessica jill jim jimmy joan
joanna joe joel john johnny jonathan jordan jose joseph josephine joshua joy joyce juan judith judy julia julian julie
justin karen kate katherine kathleen kathy katie keith kelly ken kenneth kevin kim kimberly kirsty kitty kyle larry laura
lauren lawrence leo leon leonard leslie liam lily linda lisa lorraine louis louise lucas lucy luke lydia lynn maggie
mandy marcus margaret maria marie marilyn mark martha martin mary matthew maureen max megan melanie melissa michael
michelle mike mildred miranda molly monica nancy naomi natalie nathan neil nicholas nicola nicole noah norman olivia
oliver oscar owen pamela patricia patrick paul paula pauline peggy penny peter philip phoebe phyllis priscilla rachel
ralph randy ray raymond rebecca regina richard rick rita rob robert robin roger ronald rose ruby russell ruth ryan sally
samantha samuel sandra sara sarah scott sean sharon sheila shirley simon sophia sophie stanley stella stephanie stephen
steve steven stuart susan suzanne sylvia tammy teresa terry theresa thomas tiffany tim timothy tina todd tom tommy tony
tracy travis trevor tyler valerie vanessa vera veronica vicky victor victoria vincent virginia vivian wallace walter
wanda wayne wendy william willie winnie yvonne zoe priya rahul anil sunil deepak arjun ravi sanjay vijay meera kavitha
aisha ahmad ahmed muhammad mohammed fatimah nurul siti hassan ibrahim omar yusof farah hiroshi yuki kenji akiko haruka
takeshi sakura minjun jiwoo seojun hyun ji-ho wei jie ming mei ling hui yan xin hao jun lei
`);

/** Common surnames written in Latin script (English-language). */
export const SURNAMES = set(`
smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thomas
taylor moore jackson martin thompson white harris sanchez clark ramirez lewis robinson walker young allen king wright
scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts evans turner
phillips parker edwards collins stewart morris murphy cook rogers morgan peterson cooper reed bailey bell gomez kelly
howard ward cox diaz richardson wood watson brooks bennett gray james reyes cruz hughes price myers long foster sanders
ross morales powell sullivan russell ortiz jenkins gutierrez perry butler barnes fisher henderson coleman simmons
patterson jordan reynolds hamilton graham kim gonzales alexander ramos wallace griffin west cole hayes chavez gibson
bryant ellis stevens murray ford marshall owens mcdonald harrison ruiz kennedy wells alvarez woods mendoza castillo
olson webb washington tucker freeman burns henry vasquez snyder simpson crawford jimenez porter mason shaw gordon wagner
hunter romero hicks dixon hunt palmer robertson black holmes stone meyer boyd mills warren fox rose rice moreno schmidt
patel shah singh kumar sharma gupta khan ali hussain rahman tanaka suzuki sato watanabe takahashi ito yamamoto nakamura
kobayashi park choi jung kang cho yoon jang lim tan ong goh koh teo chua ng lim toh yeo sim quek ang low seah
mueller muller schneider fischer weber becker hoffmann schulz dubois durand lefebvre moreau rossi russo ferrari esposito
o'brien o'connor mcarthur macdonald campbell fraser
`);

/** Chinese surnames in Cantonese (Hong Kong), Mandarin pinyin, Hokkien/Teochew (Singapore) romanisations. */
export const CN_SURNAMES = set(`
chan wong cheung lau lee li ho leung lam tsang yeung ng chow chau tse kwok mak fung tang yip lai siu tam cheng choi poon
ma chu au law kwan hui lo yu chiu wu tsui pang ko yuen chung luk to sze man shum yiu kong mok kam kwong lui lun lung
hung hon hau sit so suen sun tong tsoi tung wan wai wing yim ying yue fong fok fan chin ching chong chiang chen wang
zhang liu yang huang zhao zhou xu sun zhu hu guo he lin gao luo zheng liang xie song han feng deng cao peng zeng xiao
tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin jia xia fu fang zou xiong bai meng qin qiu
hou jiang yin xue duan lei long tao he tan ong goh koh teo chua toh yeo sim quek ang seah tay heng khoo lim neo chia
`);

/** Cantonese given-name syllables (Hong Kong romanisation). */
export const CANTONESE_GIVEN = set(`
ka wing man ming chi kin yan mei siu tai wai hoi chun kwok hung kit yee ling fai kei lok sum shing hin tsz hei pui yuk
sin ching wah kai ho lai fung tung yiu kam po shan nga suet oi long tak keung kwan lun yin yu wan sze hon hang kuen kwai
lung mo nam ngai on pak sai san shun sing tin tim to tsun wa wun yat yau yeung yung cheuk chiu choi chuen fat fu hing
hok hou hui hoi kei kiu king ko lam lan lap leung lik lim lin lo lui mang miu nin ping sau shek shui sik sui tat ting tsing
tsui tze wo yip yun chak chin chor chung fan fei hei hiu hon ka kau kuk kwun lai
xiao wei jie ming mei ling hui yan xin hao jun lei hua jing yi qing fang lin yu ying zhi jia hong
`);

/** Hong Kong districts and areas, regions, and Singapore/UK/US place words used as address anchors. */
export const HK_PLACES = [
  'Central and Western', 'Central', 'Sheung Wan', 'Sai Ying Pun', 'Kennedy Town', 'Mid-Levels', 'The Peak', 'Wan Chai', 'Causeway Bay',
  'Happy Valley', 'Tin Hau', 'North Point', 'Quarry Bay', 'Tai Koo', 'Taikoo Shing', 'Sai Wan Ho', 'Shau Kei Wan', 'Chai Wan', 'Eastern',
  'Southern', 'Aberdeen', 'Ap Lei Chau', 'Pok Fu Lam', 'Pokfulam', 'Repulse Bay', 'Stanley', 'Wong Chuk Hang', 'Yau Tsim Mong',
  'Tsim Sha Tsui', 'Jordan', 'Yau Ma Tei', 'Mong Kok', 'Mongkok', 'Prince Edward', 'Tai Kok Tsui', 'Sham Shui Po', 'Cheung Sha Wan',
  'Lai Chi Kok', 'Mei Foo', 'Shek Kip Mei', 'Kowloon City', 'Kowloon Tong', 'Ho Man Tin', 'Hung Hom', 'To Kwa Wan', 'Kai Tak',
  'Wong Tai Sin', 'Diamond Hill', 'San Po Kong', 'Tsz Wan Shan', 'Kwun Tong', 'Ngau Tau Kok', 'Kowloon Bay', 'Lam Tin', 'Yau Tong',
  'Tsuen Wan', 'Kwai Chung', 'Kwai Fong', 'Tsing Yi', 'Kwai Tsing', 'Tuen Mun', 'Yuen Long', 'Tin Shui Wai', 'North', 'Sheung Shui',
  'Fanling', 'Tai Po', 'Sha Tin', 'Shatin', 'Tai Wai', 'Ma On Shan', 'Fo Tan', 'Sai Kung', 'Tseung Kwan O', 'Hang Hau', 'Islands',
  'Tung Chung', 'Discovery Bay', 'Lantau', 'Cheung Chau', 'Lamma', 'Admiralty', 'Quarry Bay', 'Sheung Wan',
  'Kowloon', 'New Territories', 'N.T.', 'NT', 'Hong Kong Island', 'Hong Kong', 'HK', 'H.K.', 'Hong Kong SAR',
];
