//! Target `profile`: a programme profile file (`Profile::from_json`), as a province office
//! loads its own weights and gates.

use shifan_rules::programme::{KindKey, Profile};

use crate::{Target, expect, samples};

pub(crate) const TARGET: Target = Target {
    name: "profile",
    run,
    seeds,
};

fn run(data: &[u8]) {
    match Profile::from_json(data) {
        Ok(profile) => {
            // A valid profile has the rules of both kinds: the ranking looks them up.
            for kind in KindKey::ALL {
                assert!(
                    profile.kind(kind).is_some(),
                    "profile: no rules for {kind:?}"
                );
            }
            expect::stable(
                "profile",
                &profile.to_json(),
                Profile::from_json,
                Profile::to_json,
            );
        }
        Err(problems) => expect::refused_with_reasons("profile", &problems),
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let json = Profile::shanxi_2020().to_json();
    let mut out = samples::damaged(&json);
    // Weights that no longer add up to one: valid JSON, refused by the profile's own rules.
    let mut value = Profile::shanxi_2020().to_value();
    value["kinds"][1]["parts"][0]["weight"]["value"] =
        serde_json::json!({"numerator": 1, "denominator": 2});
    out.push(shifan_rules::canonical::to_pretty(&value).into_bytes());
    out.push(json.into_bytes());
    out
}
