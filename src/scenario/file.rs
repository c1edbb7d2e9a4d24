//! A scenario as a JSON file: the runner's `--scenario`, the page's export and import, and the
//! scenario the page hands its ensemble workers. Read and written with [`crate::json`] (not
//! serde: its derived readers and writers were much of the page's size, BENCHMARKS.md "Size").
//!
//! The text is the one serde_json wrote when the scenario derived serde's traits, so files
//! exported before read back unchanged (`tests/scenario_json/` keeps that text): members in
//! declaration order, dates as `"YYYY-MM-DD"`, districts, variants and voucher kinds by their
//! snake_case names, a [`Target`] as `"all"` or `{"districts": [...]}`, and every object
//! refusing members it does not know or that are written twice.
//!
//! A refusal names where in the scenario the problem is, and where in the text:
//! "epidemic: missing field `ifr` at line 3 column 15",
//! "controls.intervals[0].measures.testing_every_days: `-1` is not a whole number from 0 to
//! 4294967295 at line 40 column 33" (list items counted from 0).

use std::fmt::Write;

use super::*;
use crate::json::{self, Error, Fields, FromJson, Kind, Object, ToJson, Value};

/// Where a value lies in a scenario, for messages: `controls.intervals[2].districts`.
enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'static str),
    Item(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Field(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Item(parent, i) => {
                parent.write(out);
                let _ = write!(out, "[{i}]");
            }
        }
    }

    /// `e` with this path in front of its message (the whole scenario has none).
    fn tag(&self, e: Error) -> Error {
        let mut path = String::new();
        self.write(&mut path);
        if path.is_empty() {
            e
        } else {
            Error {
                message: format!("{path}: {}", e.message),
                ..e
            }
        }
    }
}

/// A part of a scenario, read knowing where it lies.
trait Part: Sized {
    fn read(v: &Value, at: &Path) -> Result<Self, Error>;
}

/// Values that are read alone: their own message, with the path in front.
macro_rules! leaf {
    ($($ty:ty),+) => {
        $(impl Part for $ty {
            fn read(v: &Value, at: &Path) -> Result<$ty, Error> {
                <$ty>::from_json(v).map_err(|e| at.tag(e))
            }
        })+
    };
}

leaf!(f64, bool, Date, District, Variant, VoucherKind);

impl Part for u32 {
    /// Whole numbers only: `2.5`, `-1` and `1e2` are refused, as serde refused them.
    fn read(v: &Value, at: &Path) -> Result<u32, Error> {
        v.as_u32().map_err(|e| {
            at.tag(match &v.kind {
                Kind::Number(n) => v.error(format!(
                    "`{n}` is not a whole number from 0 to {}",
                    u32::MAX
                )),
                _ => e,
            })
        })
    }
}

impl<T: Part> Part for Vec<T> {
    fn read(v: &Value, at: &Path) -> Result<Vec<T>, Error> {
        let items = v.as_array().map_err(|e| at.tag(e))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::read(item, &Path::Item(at, i)))
            .collect()
    }
}

impl Part for [f64; 12] {
    /// One value a month, January to December: exactly 12.
    fn read(v: &Value, at: &Path) -> Result<[f64; 12], Error> {
        let items: Vec<f64> = Part::read(v, at)?;
        let len = items.len();
        items.try_into().map_err(|_| {
            at.tag(v.error(format!(
                "invalid length {len}, expected an array of 12 (one value a month)"
            )))
        })
    }
}

/// Refuses the first member of the object `v` (if it is one) whose name is not in `names`,
/// before any is read: a misspelt name is reported as such, not as the right one missing.
fn known(v: &Value, names: &[&str]) -> Result<(), Error> {
    if let Kind::Object(members) = &v.kind {
        if let Some((key, value)) = members.iter().find(|(k, _)| !names.contains(&k.as_str())) {
            return Err(value.error(format!("unknown field `{key}`")));
        }
    }
    Ok(())
}

/// The member `key` of the object `v` being read, `default` if absent (`None`: required).
fn member<T: Part>(
    fields: &mut Fields,
    v: &Value,
    key: &'static str,
    at: &Path,
    default: Option<T>,
) -> Result<T, Error> {
    match (fields.opt(key), default) {
        (Some(item), _) => T::read(item, &Path::Field(at, key)),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(at.tag(v.error(format!("missing field `{key}`")))),
    }
}

/// A struct of the scenario as a JSON object: its fields listed once, in declaration order,
/// give both the writer (members in that order) and the reader (every field, since the struct
/// literal must name them all; `= default` for a field older files lack). The object refuses
/// members it does not know (first, in the order written) and names written twice.
macro_rules! object {
    ($ty:ident { $($field:ident $(= $default:expr)?),+ $(,)? }) => {
        impl ToJson for $ty {
            fn to_json(&self) -> Value {
                Object::new()
                    $(.with(stringify!($field), &self.$field))+
                    .build()
            }
        }

        impl Part for $ty {
            fn read(v: &Value, at: &Path) -> Result<$ty, Error> {
                known(v, &[$(stringify!($field)),+]).map_err(|e| at.tag(e))?;
                let mut fields = v.fields().map_err(|e| at.tag(e))?;
                let read = $ty {
                    $($field: member(
                        &mut fields,
                        v,
                        stringify!($field),
                        at,
                        object!(@default $($default)?),
                    )?,)+
                };
                fields.finish().map_err(|e| at.tag(e))?;
                Ok(read)
            }
        }

        impl FromJson for $ty {
            fn from_json(v: &Value) -> Result<$ty, Error> {
                <$ty as Part>::read(v, &Path::Root)
            }
        }
    };
    (@default) => { None };
    (@default $default:expr) => { Some($default) };
}

object!(Scenario {
    start,
    end,
    epidemic,
    importations,
    controls,
    vouchers,
    housing,
    projects,
    relief,
    economy,
});

object!(Importation {
    date,
    district,
    count,
    variant,
});

object!(Epidemic {
    r0_delta,
    r0_omicron,
    latent_days_delta,
    latent_days_omicron,
    infectious_days,
    asymptomatic_share,
    asymptomatic_share_delta = default_asymptomatic_share_delta(),
    symptom_detection_rate,
    pcr_sensitivity,
    isolation_days,
    ifr,
    fatigue_half_life_days,
    outside_contact_share,
    checkpoint_cut,
    effect_schools,
    effect_dine_in,
    effect_nonessential,
    effect_gatherings,
    effect_sealed_zones,
    extinction_threshold,
});

object!(Controls { intervals, zoning });

object!(ControlInterval {
    start,
    end,
    districts,
    measures,
});

object!(Measures {
    schools,
    dine_in,
    nonessential,
    gatherings,
    sealed_zones,
    testing_every_days,
    testing_coverage,
    tracing_rate,
    checkpoints,
});

object!(ZoningRule {
    enabled,
    trigger_cases,
    release_days,
    measures,
});

object!(Vouchers {
    waves,
    spending_multiplier,
    payback_share,
    payback_days,
    car_anyway_share,
    car_payback_months,
    car_voucher_per_unit_yuan,
});

object!(VoucherWave {
    kind,
    budget_yuan,
    start,
    validity_days,
    redemption_days,
    districts,
});

object!(HousingSubsidy {
    budget_yuan,
    start,
    duration_days,
    mean_subsidy_yuan,
    induced_share,
    pull_forward_share,
});

object!(KeyProjects {
    count,
    annual_plan_yuan,
    planned_starts,
    planned_completion,
    stoppage_effect,
    catch_up,
    multiplier,
    multiplier_lag_days,
});

object!(Relief {
    start,
    reach,
    runway_extension_days,
    cost_per_firm_yuan,
});

object!(Economy {
    gdp_2021_yuan,
    baseline_growth,
    retail_sales_yuan,
    offline_drop,
    dining_drop,
    fear_per_doubling,
    online_shift,
    backlog_release_rate,
    sme_runway_days,
    sme_count,
    sme_reopen_rate,
    employment,
    job_return_rate,
    cost_per_test_yuan,
});

/// The name of a value without data (a district, `"all"`, …): a string, or serde's other
/// spelling of it, an object with that one member set to null (`{"yuci": null}`).
fn unit_name(v: &Value) -> Option<&str> {
    match &v.kind {
        Kind::Str(name) => Some(name),
        Kind::Object(members) if members.len() == 1 && members[0].1.kind == Kind::Null => {
            Some(&members[0].0)
        }
        _ => None,
    }
}

/// `v` as one of `names`, or an error listing them.
pub(super) fn one_of<T: Copy>(v: &Value, what: &str, names: &[(&str, T)]) -> Result<T, Error> {
    let Some(name) = unit_name(v) else {
        return Err(v
            .as_str()
            .err()
            .unwrap_or_else(|| v.error("expected a string")));
    };
    names
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .ok_or_else(|| {
            let mut message = format!("unknown {what} {}, expected one of ", json::quoted(name));
            for (i, (n, _)) in names.iter().enumerate() {
                if i > 0 {
                    message.push_str(", ");
                }
                message.push_str(&json::quoted(n));
            }
            v.error(message)
        })
}

const VARIANTS: [(&str, Variant); 2] = [("delta", Variant::Delta), ("omicron", Variant::Omicron)];

impl FromJson for Variant {
    fn from_json(v: &Value) -> Result<Variant, Error> {
        one_of(v, "variant", &VARIANTS)
    }
}

impl ToJson for Variant {
    fn to_json(&self) -> Value {
        let name = VARIANTS
            .iter()
            .find(|(_, t)| t == self)
            .map_or("", |(n, _)| n);
        name.to_json()
    }
}

const VOUCHER_KINDS: [(&str, VoucherKind); 3] = [
    ("general", VoucherKind::General),
    ("catering", VoucherKind::Catering),
    ("car", VoucherKind::Car),
];

impl FromJson for VoucherKind {
    fn from_json(v: &Value) -> Result<VoucherKind, Error> {
        one_of(v, "voucher kind", &VOUCHER_KINDS)
    }
}

impl ToJson for VoucherKind {
    fn to_json(&self) -> Value {
        let name = VOUCHER_KINDS
            .iter()
            .find(|(_, t)| t == self)
            .map_or("", |(n, _)| n);
        name.to_json()
    }
}

impl Part for Target {
    /// `"all"`, or `{"districts": [...]}` (serde's external tagging of the enum).
    fn read(v: &Value, at: &Path) -> Result<Target, Error> {
        const EXPECTED: &str = "\"all\" or {\"districts\": [...]}";
        if unit_name(v) == Some("all") {
            return Ok(Target::All);
        }
        match &v.kind {
            Kind::Object(members) if members.len() == 1 && members[0].0 == "districts" => {
                Part::read(&members[0].1, &Path::Field(at, "districts")).map(Target::Districts)
            }
            Kind::Str(s) => Err(at.tag(v.error(format!(
                "unknown target {}, expected {EXPECTED}",
                json::quoted(s)
            )))),
            Kind::Object(_) => Err(at.tag(v.error(format!(
                "expected {EXPECTED}, an object with the one member `districts`"
            )))),
            _ => {
                let found = match &v.kind {
                    Kind::Number(n) => format!("number `{n}`"),
                    Kind::Bool(b) => format!("boolean `{b}`"),
                    Kind::Array(_) => "an array".to_string(),
                    _ => "null".to_string(),
                };
                Err(at.tag(v.error(format!("invalid type: {found}, expected {EXPECTED}"))))
            }
        }
    }
}

impl FromJson for Target {
    fn from_json(v: &Value) -> Result<Target, Error> {
        Part::read(v, &Path::Root)
    }
}

impl ToJson for Target {
    fn to_json(&self) -> Value {
        match self {
            Target::All => "all".to_json(),
            Target::Districts(list) => Object::new().with("districts", list).build(),
        }
    }
}
