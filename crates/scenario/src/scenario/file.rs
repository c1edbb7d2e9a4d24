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
//! A refusal names where in the scenario the problem is, and where in the text (the object
//! for a missing field, the value otherwise), e.g. ``epidemic: missing field `ifr` at line 4
//! column 15``, ``controls.intervals[0].measures.testing_every_days: `-1` is not a whole number
//! from 0 to 4294967295 at line 56 column 33`` (list items counted from 0). serde also
//! accepted a unit variant written `{"yuci": null}`, so this does too; it never accepted
//! anything else this refuses (tests/scenario_json.rs checks 2,761 changed texts against what
//! serde did).

use std::fmt::Write;

use super::*;
use crate::json::{self, Error, FromJson, Kind, ToJson, Value};

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

/// A value of a scenario that reads itself in place from JSON (knowing where it lies, for
/// messages) and writes itself. Structs list their fields once, as `(name, &field)` tables
/// (the `object!` macro), read and written by one function each: a field costs the page a
/// table entry, not a reader of its own.
trait Slot {
    fn read(&mut self, v: &Value, at: &Path) -> Result<(), Error>;
    fn write(&self) -> Value;
}

/// Values read alone: their own message, with the path in front.
macro_rules! leaf {
    ($($ty:ty),+) => {
        $(impl Slot for $ty {
            fn read(&mut self, v: &Value, at: &Path) -> Result<(), Error> {
                *self = <$ty>::from_json(v).map_err(|e| at.tag(e))?;
                Ok(())
            }

            fn write(&self) -> Value {
                self.to_json()
            }
        })+
    };
}

leaf!(f64, bool, Date, District, Variant, VoucherKind);

impl Slot for u32 {
    /// Whole numbers only: `2.5`, `-1` and `1e2` are refused, as serde refused them.
    fn read(&mut self, v: &Value, at: &Path) -> Result<(), Error> {
        *self = v.as_u32().map_err(|e| {
            at.tag(match &v.kind {
                Kind::Number(n) => v.error(format!(
                    "`{n}` is not a whole number from 0 to {}",
                    u32::MAX
                )),
                _ => e,
            })
        })?;
        Ok(())
    }

    fn write(&self) -> Value {
        self.to_json()
    }
}

/// A list item before it is read: every field is then read (or refused), so none of these
/// values is kept.
trait Blank {
    fn blank() -> Self;
}

impl<T: Slot + Blank> Slot for Vec<T> {
    fn read(&mut self, v: &Value, at: &Path) -> Result<(), Error> {
        let items = v.as_array().map_err(|e| at.tag(e))?;
        self.clear();
        for (i, item) in items.iter().enumerate() {
            let mut t = T::blank();
            t.read(item, &Path::Item(at, i))?;
            self.push(t);
        }
        Ok(())
    }

    fn write(&self) -> Value {
        Value::new(Kind::Array(self.iter().map(Slot::write).collect()))
    }
}

impl Slot for [f64; 12] {
    /// One value a month, January to December: exactly 12.
    fn read(&mut self, v: &Value, at: &Path) -> Result<(), Error> {
        let items = v.as_array().map_err(|e| at.tag(e))?;
        if items.len() != 12 {
            return Err(at.tag(v.error(format!(
                "invalid length {}, expected an array of 12 (one value a month)",
                items.len()
            ))));
        }
        for (i, (x, item)) in self.iter_mut().zip(items).enumerate() {
            x.read(item, &Path::Item(at, i))?;
        }
        Ok(())
    }

    fn write(&self) -> Value {
        self.to_json()
    }
}

/// Reads the object `v` into `fields` (name, field, whether it may be absent): refuses a
/// member whose name is not among them (the first, in the order written, before any is read,
/// so that a misspelt name is reported as such rather than the right one as missing), a field
/// missing unless it may be, and a name written twice.
fn read_object(
    v: &Value,
    at: &Path,
    fields: &mut [(&'static str, &mut dyn Slot, bool)],
) -> Result<(), Error> {
    let mut members = v.fields().map_err(|e| at.tag(e))?;
    if let Kind::Object(written) = &v.kind {
        if let Some((key, value)) = written
            .iter()
            .find(|(k, _)| !fields.iter().any(|(name, ..)| name == k))
        {
            return Err(at.tag(value.error(format!("unknown field `{key}`"))));
        }
    }
    for (name, field, optional) in fields.iter_mut() {
        match members.opt(name) {
            Some(item) => field.read(item, &Path::Field(at, name))?,
            None if *optional => {}
            None => return Err(at.tag(v.error(format!("missing field `{name}`")))),
        }
    }
    members.finish().map_err(|e| at.tag(e))
}

/// `fields` (name, field) as an object, in their order.
fn write_object(fields: &[(&str, &dyn Slot)]) -> Value {
    Value::new(Kind::Object(
        fields
            .iter()
            .map(|(name, field)| (name.to_string(), field.write()))
            .collect(),
    ))
}

/// A struct of the scenario as a JSON object: its fields listed once, in declaration order,
/// give both tables, the writer's (members in that order) and the reader's (`= default` for a
/// field older files lack; a field missing from the list is a compile error in `blank`, for
/// list items, and a text test failure otherwise, tests/scenario_json.rs).
macro_rules! object {
    ($ty:ident { $($field:ident $(= $default:expr)?),+ $(,)? }) => {
        impl Slot for $ty {
            fn read(&mut self, v: &Value, at: &Path) -> Result<(), Error> {
                $($(self.$field = $default;)?)+
                read_object(
                    v,
                    at,
                    &mut [$((
                        stringify!($field),
                        &mut self.$field as &mut dyn Slot,
                        object!(@optional $($default)?),
                    )),+],
                )
            }

            fn write(&self) -> Value {
                write_object(&[$((stringify!($field), &self.$field as &dyn Slot)),+])
            }
        }
    };
    (@optional) => { false };
    (@optional $default:expr) => { true };
}

impl FromJson for Scenario {
    fn from_json(v: &Value) -> Result<Scenario, Error> {
        // Every field is read (or refused): the default preset's values are not kept.
        let mut s = Scenario::default();
        s.read(v, &Path::Root)?;
        Ok(s)
    }
}

impl ToJson for Scenario {
    fn to_json(&self) -> Value {
        self.write()
    }
}

impl Blank for Importation {
    fn blank() -> Importation {
        Importation {
            date: Date::from_days_since_epoch(0),
            district: District::Yuci,
            count: 0.0,
            variant: Variant::Delta,
        }
    }
}

impl Blank for ControlInterval {
    fn blank() -> ControlInterval {
        ControlInterval {
            start: Date::from_days_since_epoch(0),
            end: Date::from_days_since_epoch(0),
            districts: Target::All,
            measures: presets::no_measures(),
        }
    }
}

impl Blank for VoucherWave {
    fn blank() -> VoucherWave {
        VoucherWave {
            kind: VoucherKind::General,
            budget_yuan: 0.0,
            start: Date::from_days_since_epoch(0),
            validity_days: 0,
            redemption_days: 0.0,
            districts: Target::All,
        }
    }
}

impl Blank for District {
    fn blank() -> District {
        District::Yuci
    }
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

/// The index of `v` in `names` (a [`unit_name`]), or an error listing them.
pub(super) fn name_index(v: &Value, what: &str, names: &[&str]) -> Result<usize, Error> {
    let Some(name) = unit_name(v) else {
        return Err(v
            .as_str()
            .err()
            .unwrap_or_else(|| v.error("expected a string")));
    };
    names.iter().position(|n| *n == name).ok_or_else(|| {
        let mut message = format!("unknown {what} {}, expected one of ", json::quoted(name));
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                message.push_str(", ");
            }
            message.push_str(&json::quoted(n));
        }
        v.error(message)
    })
}

impl FromJson for Variant {
    fn from_json(v: &Value) -> Result<Variant, Error> {
        name_index(v, "variant", &Variant::ALL.map(Variant::id)).map(|i| Variant::ALL[i])
    }
}

impl ToJson for Variant {
    fn to_json(&self) -> Value {
        self.id().to_json()
    }
}

impl FromJson for VoucherKind {
    fn from_json(v: &Value) -> Result<VoucherKind, Error> {
        name_index(v, "voucher kind", &VoucherKind::ALL.map(VoucherKind::id))
            .map(|i| VoucherKind::ALL[i])
    }
}

impl ToJson for VoucherKind {
    fn to_json(&self) -> Value {
        self.id().to_json()
    }
}

impl Slot for Target {
    /// `"all"` (or `{"all": null}`), or `{"districts": [...]}`: serde's external tagging of
    /// the enum.
    fn read(&mut self, v: &Value, at: &Path) -> Result<(), Error> {
        const EXPECTED: &str = "\"all\" or {\"districts\": [...]}";
        if unit_name(v) == Some("all") {
            *self = Target::All;
            return Ok(());
        }
        match &v.kind {
            Kind::Object(members) if members.len() == 1 && members[0].0 == "districts" => {
                let mut list = Vec::new();
                list.read(&members[0].1, &Path::Field(at, "districts"))?;
                *self = Target::Districts(list);
                Ok(())
            }
            Kind::Str(s) => Err(at.tag(v.error(format!(
                "unknown target {}, expected {EXPECTED}",
                json::quoted(s)
            )))),
            Kind::Object(_) => Err(at.tag(v.error(format!(
                "expected {EXPECTED}, an object with the one member `districts`"
            )))),
            _ => Err(at.tag(v.expected(EXPECTED))),
        }
    }

    fn write(&self) -> Value {
        match self {
            Target::All => "all".to_json(),
            Target::Districts(list) => {
                Value::new(Kind::Object(vec![("districts".to_string(), list.write())]))
            }
        }
    }
}
