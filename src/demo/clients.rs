//! Clients: real universities and institutes first, then synthetic organisations, every name
//! different.

use rand::seq::{IndexedRandom, SliceRandom};
use rustc_hash::FxHashSet;

use super::credit::{Registrar, credit_code};
use super::geo::{CITIES, City};
use super::orgs::{
    CITY_BODIES, COLLEGE_KINDS, COLLEGE_SUBJECTS, DISTRICT_BODIES, ENTERPRISE_NOTES,
    ENTERPRISE_SIZES, INSTITUTE_KINDS, INSTITUTE_SUBJECTS, INSTITUTES, INVESTOR_WORDS, Known,
    LEGAL_FORMS, PUBLIC_CENTRES, SERVICE_WORDS, TRADE_CHARS, UNIVERSITIES,
};
use super::random::{DemoRng, between, chance, one, pick, weighted, word};
use super::vocab::{VOCABS, Vocab};
use crate::domain::{ClientDraft, ClientKind};

/// Draws of a synthetic name before one already taken gets a number.
const NAME_ATTEMPTS: usize = 64;

pub(super) struct GeneratedClient {
    pub draft: ClientDraft,
    /// The field most of its achievements and needs are in; none for comprehensive
    /// universities and for bodies that own no technology.
    pub home: Option<&'static Vocab>,
}

pub(super) fn generate(rng: &mut DemoRng, count: usize) -> Vec<GeneratedClient> {
    let mut maker = Maker {
        names: FxHashSet::default(),
        codes: FxHashSet::default(),
        universities: UNIVERSITIES.iter(),
        institutes: INSTITUTES.iter(),
    };
    kind_plan(rng, count)
        .into_iter()
        .map(|kind| maker.client(rng, kind))
        .collect()
}

/// Exact shares in random order (10% universities, 5% institutes, 5% others, the rest
/// enterprises), so that even a handful of clients has enterprises to hold needs.
fn kind_plan(rng: &mut DemoRng, count: usize) -> Vec<ClientKind> {
    let mut kinds = Vec::with_capacity(count);
    kinds.extend(std::iter::repeat_n(ClientKind::University, count / 10));
    kinds.extend(std::iter::repeat_n(ClientKind::Institute, count / 20));
    kinds.extend(std::iter::repeat_n(ClientKind::Other, count / 20));
    kinds.resize(count, ClientKind::Enterprise);
    kinds.shuffle(rng);
    kinds
}

/// An organisation before the details every client gets.
struct Org {
    name: String,
    city: &'static City,
    district: &'static str,
    /// Empty when a plausible one is to be made up.
    address: &'static str,
    website: String,
    industry: &'static str,
    registrar: Registrar,
    home: Option<&'static Vocab>,
}

impl Org {
    fn known(k: &Known, industry: &'static str) -> Org {
        Org {
            name: k.name.to_string(),
            city: k.city,
            district: k.district,
            address: k.address,
            website: k.website.to_string(),
            industry,
            registrar: Registrar::PublicInstitution,
            home: k.home,
        }
    }
}

struct Maker {
    names: FxHashSet<String>,
    codes: FxHashSet<String>,
    universities: std::slice::Iter<'static, Known>,
    institutes: std::slice::Iter<'static, Known>,
}

impl Maker {
    fn client(&mut self, rng: &mut DemoRng, kind: ClientKind) -> GeneratedClient {
        let org = match kind {
            ClientKind::University => match self.universities.next() {
                Some(k) => self.claim(Org::known(k, "高等教育")),
                None => self.unique(rng, college),
            },
            ClientKind::Institute => match self.institutes.next() {
                Some(k) => self.claim(Org::known(k, "科学研究和技术服务业")),
                None => self.unique(rng, institute),
            },
            ClientKind::Enterprise => self.unique(rng, enterprise),
            ClientKind::Other => self.unique(rng, other),
        };
        let credit_code = if chance(rng, 70) {
            self.unique_code(rng, &org)
        } else {
            String::new()
        };
        let address = if org.address.is_empty() {
            address(rng, org.city, kind)
        } else {
            org.address.to_string()
        };
        let (size, notes) = if kind == ClientKind::Enterprise {
            let notes = if chance(rng, 30) {
                word(rng, &ENTERPRISE_NOTES)
            } else {
                ""
            };
            (pick(rng, &ENTERPRISE_SIZES), notes)
        } else {
            ("", "")
        };
        GeneratedClient {
            draft: ClientDraft {
                name: org.name,
                kind,
                credit_code,
                province: "山东省".to_string(),
                city: org.city.name.to_string(),
                district: org.district.to_string(),
                industry: org.industry.to_string(),
                size: size.to_string(),
                address,
                website: org.website,
                notes: notes.to_string(),
            },
            home: org.home,
        }
    }

    fn claim(&mut self, org: Org) -> Org {
        self.names.insert(org.name.clone());
        org
    }

    /// Draws until the name is new. Only when the patterns seem used up does a name get a
    /// number: "（2）".
    fn unique(&mut self, rng: &mut DemoRng, make: fn(&mut DemoRng) -> Org) -> Org {
        let mut org = make(rng);
        for _ in 1..NAME_ATTEMPTS {
            if !self.names.contains(&org.name) {
                break;
            }
            org = make(rng);
        }
        if self.names.contains(&org.name) {
            let base = org.name.clone();
            let mut n = 2;
            while self.names.contains(&org.name) {
                org.name = format!("{base}（{n}）");
                n += 1;
            }
        }
        self.claim(org)
    }

    /// A valid code no other client has; a repeat (one in millions) leaves the code blank.
    fn unique_code(&mut self, rng: &mut DemoRng, org: &Org) -> String {
        let region = org.city.region_of(org.district);
        for _ in 0..8 {
            let code = credit_code(rng, org.registrar, region);
            if self.codes.insert(code.clone()) {
                return code;
            }
        }
        String::new()
    }
}

/// A city, as likely as its share of organisations, and one of its districts.
fn place(rng: &mut DemoRng) -> (&'static City, &'static str) {
    let city = *weighted(rng, &CITIES, |c| c.weight);
    let district = city.districts.choose(rng).map_or("", |&(name, _)| name);
    (city, district)
}

/// A trade name (字号) of two different characters, with its pinyin.
fn trade(rng: &mut DemoRng) -> (String, String) {
    let first = between(rng, 0, TRADE_CHARS.len() as u32 - 1) as usize;
    // Skipping over the first character keeps the second one different.
    let mut second = between(rng, 0, TRADE_CHARS.len() as u32 - 2) as usize;
    if second >= first {
        second += 1;
    }
    let (a, pa) = TRADE_CHARS[first];
    let (b, pb) = TRADE_CHARS[second];
    (format!("{a}{b}"), format!("{pa}{pb}"))
}

/// "济南华信智能装备有限公司", "山东海创新材料科技股份有限公司" or "华信智能装备（济南）有限公司".
fn enterprise(rng: &mut DemoRng) -> Org {
    let (city, district) = place(rng);
    let vocab = *weighted(rng, &VOCABS, |v| v.weight);
    let (trade, pinyin) = trade(rng);
    let firm = word(rng, vocab.firm_words);
    let form = pick(rng, &LEGAL_FORMS);
    let name = match between(rng, 0, 99) {
        0..65 => format!("{}{trade}{firm}{form}", city.short),
        65..90 => format!("山东{trade}{firm}{form}"),
        _ => format!("{trade}{firm}（{}）{form}", city.short),
    };
    let website = if chance(rng, 40) {
        website(rng, city, &pinyin)
    } else {
        String::new()
    };
    Org {
        name,
        city,
        district,
        address: "",
        website,
        industry: vocab.field,
        registrar: Registrar::Company,
        home: Some(vocab),
    }
}

fn website(rng: &mut DemoRng, city: &City, pinyin: &str) -> String {
    let tld = pick(rng, &[("com", 60), ("cn", 25), ("com.cn", 15)]);
    if chance(rng, 30) {
        format!("www.{}{pinyin}.{tld}", city.initials)
    } else {
        format!("www.{pinyin}.{tld}")
    }
}

/// "潍坊海洋职业学院", "山东化工职业技术学院" or, after a county, "寿光农业学院".
fn college(rng: &mut DemoRng) -> Org {
    let (city, district) = place(rng);
    let &(subject, home) = one(rng, &COLLEGE_SUBJECTS);
    let kind = pick(rng, &COLLEGE_KINDS);
    let prefix = match between(rng, 0, 9) {
        0..6 => city.short,
        6..8 => "山东",
        _ => district_stem(district).unwrap_or(city.short),
    };
    Org {
        name: format!("{prefix}{subject}{kind}"),
        city,
        district,
        address: "",
        website: String::new(),
        industry: "高等教育",
        registrar: Registrar::PublicInstitution,
        home,
    }
}

/// "黄岛" of 黄岛区, for names; none where the stem would be a single character or ambiguous.
fn district_stem(district: &'static str) -> Option<&'static str> {
    let stem = district.strip_suffix(['区', '县', '市'])?;
    (stem.chars().count() >= 2 && stem != "市中").then_some(stem)
}

/// "山东省氢能研究院", "青岛市海洋装备技术研究院", "烟台先进材料产业技术研究院".
fn institute(rng: &mut DemoRng) -> Org {
    let (city, district) = place(rng);
    let &(subject, home) = one(rng, &INSTITUTE_SUBJECTS);
    let kind = pick(rng, &INSTITUTE_KINDS);
    let prefix = match between(rng, 0, 9) {
        0..2 => "山东省",
        2..3 => "山东",
        3..7 => city.name,
        _ => city.short,
    };
    Org {
        name: format!("{prefix}{subject}{kind}"),
        city,
        district,
        address: "",
        website: String::new(),
        industry: "科学研究和技术服务业",
        registrar: Registrar::PublicInstitution,
        home: Some(home),
    }
}

/// Investors, government bodies and service institutions.
fn other(rng: &mut DemoRng) -> Org {
    let (city, district) = place(rng);
    let (name, industry, registrar) = match between(rng, 0, 9) {
        0..4 => {
            let (trade, _) = trade(rng);
            let prefix = if chance(rng, 70) {
                city.short
            } else {
                "山东"
            };
            let name = format!("{prefix}{trade}{}", one(rng, &INVESTOR_WORDS));
            (name, "创业投资", Registrar::Company)
        }
        4..7 => {
            // County-level cities are named on their own: 胶州市科学技术局, not 青岛市胶州市….
            let name = if chance(rng, 40) {
                format!("{}{}", city.name, one(rng, &CITY_BODIES))
            } else if district.ends_with('市') {
                format!("{district}{}", one(rng, &DISTRICT_BODIES))
            } else {
                format!("{}{district}{}", city.name, one(rng, &DISTRICT_BODIES))
            };
            (name, "政府机构", Registrar::GovernmentBody)
        }
        _ => {
            if chance(rng, 25) {
                let name = format!("{}{}", city.name, one(rng, &PUBLIC_CENTRES));
                (name, "科技服务", Registrar::PublicInstitution)
            } else {
                let (trade, _) = trade(rng);
                let name = format!("{}{trade}{}", city.short, one(rng, &SERVICE_WORDS));
                (name, "科技服务", Registrar::Company)
            }
        }
    };
    Org {
        name,
        city,
        district,
        address: "",
        website: String::new(),
        industry,
        registrar,
        home: None,
    }
}

/// "高新区舜华路2000号" on a real road of the city.
fn address(rng: &mut DemoRng, city: &City, kind: ClientKind) -> String {
    let road = word(rng, city.roads);
    let number = between(rng, 1, 2999);
    if kind != ClientKind::Enterprise {
        return format!("{road}{number}号");
    }
    let zone = pick(rng, &[("", 60), ("高新区", 25), ("经济技术开发区", 15)]);
    if chance(rng, 20) {
        format!("{zone}{road}{number}号{}号楼", between(rng, 1, 20))
    } else {
        format!("{zone}{road}{number}号")
    }
}
