//! Generated from content/feedback/{en,cy}.json by the test
//! `content::tests::the_compiled_tables_match_the_domain_files`: edit the JSON, run
//! `cargo test`, commit both.

use super::content::Domain;

pub(super) const EN: [Domain; 6] = [
    Domain {
        id: "safe",
        name: "Safe",
        meaning: "The session did no harm and helped keep people safe: concerns and risks could be raised, and were followed up.",
        received: &["Could you raise concerns or risks about your work or the people you care for?", "Were concerns you raised followed up?", "Did you feel safe to talk openly about mistakes?"],
        gave: &["Did you make room for your supervisee to raise concerns and risks?", "Did you agree how concerns would be followed up?", "Did the session feel safe for talking openly about mistakes?"],
    },
    Domain {
        id: "timely",
        name: "Timely",
        meaning: "Supervision happened when it was needed, without harmful delays or cancellations.",
        received: &["Did the session happen when planned, without being cancelled or cut short?", "Could you get support when you needed it, between sessions too?"],
        gave: &["Did the session happen when planned, without being cancelled or cut short?", "Could your supervisee reach you when they needed to?"],
    },
    Domain {
        id: "effective",
        name: "Effective",
        meaning: "The session made a difference: it was not rushed, it drew on evidence and good practice, and it helped improve practice.",
        received: &["Did the session help you improve your practice?", "Was advice based on evidence and good practice?"],
        gave: &["Did the session help your supervisee improve their practice?", "Did you draw on evidence and good practice?"],
    },
    Domain {
        id: "efficient",
        name: "Efficient",
        meaning: "Time in supervision was well used, with a clear focus and no wasted effort.",
        received: &["Was the time used well, with a clear focus?", "Were actions from last time picked up?"],
        gave: &["Was the time used well, with a clear focus?", "Did you agree clear actions and review earlier ones?"],
    },
    Domain {
        id: "equitable",
        name: "Equitable",
        meaning: "Supervision was fair: its quality did not depend on who the supervisee is, their background or their working pattern.",
        received: &["Were you treated fairly, as anyone else would be?", "Were your needs taken into account, such as language, disability or working pattern?"],
        gave: &["Did you offer the same quality of supervision you would offer anyone?", "Did you take account of your supervisee's needs, such as language, disability or working pattern?"],
    },
    Domain {
        id: "person-centred",
        name: "Person-centred",
        meaning: "The session was respectful of and responsive to the supervisee's preferences, needs and values and, through them, kept the people they care for in mind.",
        received: &["Did the session focus on what mattered to you?", "Were you treated with respect, and were your preferences, needs and values taken into account?", "Did it keep the people you care for in mind?"],
        gave: &["Did the session focus on what mattered to your supervisee?", "Did you respect and respond to your supervisee's preferences, needs and values?", "Did it keep the people they care for in mind?"],
    },
];

pub(super) const CY: [Domain; 6] = [
    Domain {
        id: "safe",
        name: "Diogel",
        meaning: "Ni wnaeth y sesiwn unrhyw niwed, ac fe helpodd i gadw pobl yn ddiogel: roedd modd codi pryderon a risgiau, a chawsant eu dilyn.",
        received: &["Oeddech chi'n gallu codi pryderon neu risgiau am eich gwaith neu'r bobl rydych chi'n gofalu amdanynt?", "A gafodd y pryderon a godwyd gennych eu dilyn?", "Oeddech chi'n teimlo'n ddiogel i siarad yn agored am gamgymeriadau?"],
        gave: &["A wnaethoch chi roi lle i'r sawl roeddech yn ei oruchwylio godi pryderon a risgiau?", "A wnaethoch gytuno sut y byddai pryderon yn cael eu dilyn?", "Oedd y sesiwn yn teimlo'n ddiogel i siarad yn agored am gamgymeriadau?"],
    },
    Domain {
        id: "timely",
        name: "Amserol",
        meaning: "Digwyddodd goruchwyliaeth pan oedd ei hangen, heb oedi niweidiol na chanslo.",
        received: &["A ddigwyddodd y sesiwn pan gafodd ei chynllunio, heb ei chanslo na'i thorri'n fyr?", "Oeddech chi'n gallu cael cefnogaeth pan oedd ei hangen arnoch, rhwng sesiynau hefyd?"],
        gave: &["A ddigwyddodd y sesiwn pan gafodd ei chynllunio, heb ei chanslo na'i thorri'n fyr?", "Oedd y sawl roeddech yn ei oruchwylio yn gallu cysylltu â chi pan oedd angen?"],
    },
    Domain {
        id: "effective",
        name: "Effeithiol",
        meaning: "Gwnaeth y sesiwn wahaniaeth: ni chafodd ei brysio, roedd yn tynnu ar dystiolaeth ac arfer da, ac roedd yn helpu i wella ymarfer.",
        received: &["A wnaeth y sesiwn eich helpu i wella eich ymarfer?", "Oedd y cyngor yn seiliedig ar dystiolaeth ac arfer da?"],
        gave: &["A wnaeth y sesiwn helpu'r sawl roeddech yn ei oruchwylio i wella ei ymarfer?", "A wnaethoch chi dynnu ar dystiolaeth ac arfer da?"],
    },
    Domain {
        id: "efficient",
        name: "Effeithlon",
        meaning: "Cafodd amser mewn goruchwyliaeth ei ddefnyddio'n dda, gyda ffocws clir a heb wastraffu ymdrech.",
        received: &["A gafodd yr amser ei ddefnyddio'n dda, gyda ffocws clir?", "A gafodd camau gweithredu o'r tro diwethaf eu codi?"],
        gave: &["A gafodd yr amser ei ddefnyddio'n dda, gyda ffocws clir?", "A wnaethoch gytuno ar gamau gweithredu clir ac adolygu rhai blaenorol?"],
    },
    Domain {
        id: "equitable",
        name: "Teg",
        meaning: "Roedd yr oruchwyliaeth yn deg: nid oedd ei hansawdd yn dibynnu ar bwy yw'r sawl sy'n cael ei oruchwylio, ei gefndir na'i batrwm gwaith.",
        received: &["A gawsoch eich trin yn deg, fel y byddai unrhyw un arall?", "A gafodd eich anghenion eu hystyried, fel iaith, anabledd neu batrwm gwaith?"],
        gave: &["A wnaethoch gynnig yr un ansawdd o oruchwyliaeth ag y byddech yn ei gynnig i unrhyw un?", "A wnaethoch chi ystyried anghenion y sawl roeddech yn ei oruchwylio, fel iaith, anabledd neu batrwm gwaith?"],
    },
    Domain {
        id: "person-centred",
        name: "Person-ganolog",
        meaning: "Roedd y sesiwn yn parchu ac yn ymateb i ddewisiadau, anghenion a gwerthoedd y sawl sy'n cael ei oruchwylio ac, drwyddyn nhw, yn cadw mewn cof y bobl y maen nhw'n gofalu amdanynt.",
        received: &["A wnaeth y sesiwn ganolbwyntio ar yr hyn oedd yn bwysig i chi?", "A gawsoch eich trin gyda pharch, ac a gafodd eich dewisiadau, eich anghenion a'ch gwerthoedd eu hystyried?", "A wnaeth gadw'r bobl rydych chi'n gofalu amdanynt mewn cof?"],
        gave: &["A wnaeth y sesiwn ganolbwyntio ar yr hyn oedd yn bwysig i'r sawl roeddech yn ei oruchwylio?", "A wnaethoch chi barchu ac ymateb i ddewisiadau, anghenion a gwerthoedd y sawl roeddech yn ei oruchwylio?", "A wnaeth gadw'r bobl y maen nhw'n gofalu amdanynt mewn cof?"],
    },
];
