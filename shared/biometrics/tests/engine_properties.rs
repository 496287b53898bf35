//! Properties of scoring that hold for any templates: bounded, never failing, self-match beats
//! cross-match, nearly symmetric.

mod engine_support;

use biometrics::params::SCORE_MAX;
use biometrics::{MatcherProbe, Minutia, MinutiaKind, SearchTemplate, Template};
use engine_support::{score, template, Rng};

fn random_template(rng: &mut Rng, count: usize) -> Template {
    let minutiae = (0..count)
        .map(|_| Minutia {
            x: rng.range(0.0, 400.0) as u16,
            y: rng.range(0.0, 400.0) as u16,
            direction: rng.next_u64() as u8,
            kind: if rng.next_u64().is_multiple_of(2) {
                MinutiaKind::Ending
            } else {
                MinutiaKind::Bifurcation
            },
        })
        .collect();
    Template {
        width: 400,
        height: 400,
        quality: 50,
        minutiae,
    }
}

#[test]
fn scores_are_bounded_for_arbitrary_templates() {
    let mut rng = Rng(7);
    let mut templates: Vec<Template> = (0..12)
        .map(|i| random_template(&mut rng, [0, 1, 2, 5, 40, 150][i % 6]))
        .collect();
    // Degenerate inputs: every minutia on one spot, and minutiae at the frame's extremes.
    let same = Minutia {
        x: 5,
        y: 5,
        direction: 0,
        kind: MinutiaKind::Ending,
    };
    templates.push(Template {
        width: 10,
        height: 10,
        quality: 0,
        minutiae: vec![same; 30],
    });
    templates.push(Template {
        width: 4096,
        height: 4096,
        quality: 100,
        minutiae: (0..30)
            .map(|i| Minutia {
                x: if i % 2 == 0 { 0 } else { 4095 },
                y: i * 130,
                direction: 255,
                kind: MinutiaKind::Bifurcation,
            })
            .collect(),
    });
    for a in &templates {
        let probe = MatcherProbe::new(a);
        for b in &templates {
            let s = probe.score(&SearchTemplate::new(b));
            assert!((0.0..=SCORE_MAX).contains(&s), "score {s} out of range");
        }
    }
    let empty = Template {
        width: 300,
        height: 300,
        quality: 0,
        minutiae: vec![],
    };
    assert_eq!(score(&empty, &templates[4]), 0.0);
    assert_eq!(score(&templates[4], &empty), 0.0);
}

#[test]
fn self_match_beats_cross_match_and_scoring_is_nearly_symmetric() {
    // Two impressions of one finger and two other fingers. Raw scores: calibrated ones saturate
    // at SCORE_MAX for strong genuine matches, which would hide the ordering.
    let templates = [
        template("DB1_B", 102, 1),
        template("DB1_B", 102, 4),
        template("DB3_B", 106, 2),
        template("DB4_B", 109, 3),
    ];
    let raw = |a: &Template, b: &Template| MatcherProbe::new(a).raw_score(&SearchTemplate::new(b));
    for (i, a) in templates.iter().enumerate() {
        let own = raw(a, a);
        for (j, b) in templates.iter().enumerate() {
            if i == j {
                continue;
            }
            assert!(
                own > raw(a, b),
                "template {i}: self {own} <= cross {}",
                raw(a, b)
            );
            let (ab, ba) = (score(a, b), score(b, a));
            // The probe and candidate roles differ only in tie-breaking order.
            assert!((ab - ba).abs() <= 5.0, "templates {i},{j}: {ab} vs {ba}");
        }
    }
}
