//! Parameter uncertainty of the stochastic mode: each uncertain assumption is drawn from a
//! triangular distribution over its documented range in
//! [`PARAMS`](crate::scenario::params::PARAMS), with its mode at the
//! scenario's value. Policy levers (what a planner sets) are never drawn.

use super::rng::{triangular, SimRng};
use crate::scenario::params::ParamSpec;
use crate::scenario::Scenario;

/// The keys drawn, in the order they are drawn (the order is part of the random stream).
pub const UNCERTAIN: [&str; 20] = [
    "epidemic.r0_delta",
    "epidemic.r0_omicron",
    "epidemic.latent_days_delta",
    "epidemic.latent_days_omicron",
    "epidemic.infectious_days",
    "epidemic.asymptomatic_share",
    "epidemic.asymptomatic_share_delta",
    "epidemic.pcr_sensitivity",
    "epidemic.ifr",
    "epidemic.fatigue_half_life_days",
    "epidemic.outside_contact_share",
    "epidemic.checkpoint_cut",
    "vouchers.spending_multiplier",
    "vouchers.payback_share",
    "vouchers.car_anyway_share",
    "vouchers.car_payback_months",
    "projects.multiplier",
    "projects.multiplier_lag_days",
    "projects.stoppage_effect",
    "economy.backlog_release_rate",
];

/// The scenario with its uncertain assumptions drawn from `rng`.
pub fn draw_parameters(s: &Scenario, rng: &mut SimRng) -> Scenario {
    let mut drawn = s.clone();
    for key in UNCERTAIN {
        let spec: &ParamSpec = ParamSpec::find(key).expect("uncertain key is in PARAMS");
        let value = triangular(rng, spec.min, (spec.get)(s), spec.max);
        (spec.set)(&mut drawn, value);
    }
    drawn
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;
    use crate::sim::rng::rng_from_seed;

    #[test]
    fn every_key_exists_and_draws_stay_in_range() {
        let s = presets::jinzhong_2022();
        let mut rng = rng_from_seed(3);
        for _ in 0..50 {
            let d = draw_parameters(&s, &mut rng);
            for key in UNCERTAIN {
                let spec = ParamSpec::find(key).unwrap();
                let v = (spec.get)(&d);
                assert!(spec.accepts(v), "{key} = {v}");
            }
            assert_eq!(d.controls, s.controls);
            assert_eq!(d.relief, s.relief);
        }
    }
}
