//! The engine's constants, with a switch for each part of text relevance so the evaluation can
//! measure what each one adds (the ablation in the README). The defaults are the values chosen
//! on the development half of the evaluation set.

/// How text relevance is computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Read a need as a broker does: its title, keywords, indicators and the clause saying what
    /// it wants weigh more than the company's background. Off: every word of the need counts
    /// the same.
    pub reading: bool,
    /// Field-aware BM25 (BM25F): a term in an achievement's title or keywords counts more than
    /// one in its abstract, each field normalised by its own length. Off: one bag of words,
    /// title and keywords counted twice.
    pub fields: bool,
    /// A need's keyword or title phrase found whole in an achievement is worth more than its
    /// character pairs found scattered.
    pub phrases: bool,
    /// Structured parts count in proportion to how well the text matches, so that full field,
    /// maturity and price cannot lift a weak text match above a strong one.
    pub floor: bool,
    /// Terms that mean the same thing: the thesaurus and the associations mined from the
    /// catalogue (abbreviations with their expansion, keywords that go together).
    pub associations: bool,
    /// Past decisions on similar needs move a candidate up (accepted) or down (rejected).
    pub learning: bool,
    /// Per-field weights and length normalisation of an achievement: title, keywords, body
    /// (abstract and indicators).
    pub field_weights: [f32; 3],
    pub field_b: [f32; 3],
    /// Weights of the parts of a need when reading it: title, keywords, indicators, the clause
    /// saying what is wanted (希望引进……), the problem (目前……存在……问题), text that is neither,
    /// the company's business (我公司主营……) and its figures (成立于……, 年产能3万吨).
    pub w_title: f32,
    pub w_keywords: f32,
    pub w_indicators: f32,
    pub w_wish: f32,
    pub w_problem: f32,
    pub w_neutral: f32,
    pub w_business: f32,
    pub w_background: f32,
    /// Extra weight of a phrase found whole, as a share of its pairs' weight.
    pub phrase_bonus: f32,
    /// How much an associated term counts, as a share of the need's term it stands for.
    pub association_weight: f32,
    /// Text relevance (relative to the best candidate) at which structured parts count in full.
    pub floor_at: f32,
    /// What each TRL short of the need's requirement costs the maturity part.
    pub maturity_step: f32,
}

impl Default for Tuning {
    fn default() -> Self {
        Self {
            reading: true,
            fields: true,
            phrases: true,
            floor: true,
            associations: true,
            learning: true,
            field_weights: [3.0, 2.5, 1.0],
            field_b: [0.5, 0.3, 0.75],
            // On the development half, weighing title, keywords or the wish above the rest
            // lost (its needs say what they want throughout); only the company's figures read
            // lower.
            w_title: 1.0,
            w_keywords: 1.0,
            w_indicators: 1.0,
            w_wish: 1.0,
            w_problem: 1.0,
            w_neutral: 1.0,
            w_business: 1.0,
            w_background: 0.4,
            phrase_bonus: 0.6,
            association_weight: 0.8,
            floor_at: 0.3,
            maturity_step: 1.0 / 3.0,
        }
    }
}

impl Tuning {
    /// The engine as it was before these parts: plain BM25 over the whole need.
    pub fn plain() -> Self {
        Self {
            reading: false,
            fields: false,
            phrases: false,
            floor: false,
            associations: false,
            learning: false,
            maturity_step: 0.25,
            ..Self::default()
        }
    }
}

/// BM25's saturation.
pub(super) const K1: f32 = 1.2;
