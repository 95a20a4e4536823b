//! A serde serializer that writes a value as the Rust expression that constructs it, so that the
//! built-in catalogue is compiled into the binary instead of parsed at start.
//!
//! Structs and enum variants are written by the names serde reports, so the generated code must
//! have the catalogue's types in scope. Strings become `s("…")` (a `String`), except the fields
//! whose type is written as a string in RON: dates of facts and positions (`AsOf`) and the end of
//! an availability (a `Date`), which become literals of their own type.

use std::fmt::{self, Display, Write as _};

use meetcheck_core::facts::{AsOf, PartialDate};
use serde::ser::{self, Serialize};

#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// The Rust expression for `value`.
pub fn expression<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut out = String::new();
    value.serialize(Code { out: &mut out, field: None })?;
    Ok(out)
}

/// Writes one value; `field` is the (type, field) it is the value of.
pub struct Code<'a> {
    out: &'a mut String,
    field: Option<(&'static str, &'static str)>,
}

fn partial_date(d: PartialDate) -> String {
    format!("PartialDate {{ year: {}, month: {:?}, day: {:?} }}", d.year, d.month, d.day)
}

impl<'a> Code<'a> {
    fn push(self, text: &str) -> Result<(), Error> {
        self.out.push_str(text);
        Ok(())
    }

    fn nested(&mut self, field: Option<(&'static str, &'static str)>) -> Code<'_> {
        Code { out: self.out, field }
    }
}

impl<'a> ser::Serializer for Code<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Map<'a>;
    type SerializeStruct = Struct<'a>;
    type SerializeStructVariant = Struct<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.push(&v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.push(&format!("{v:?}"))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.push(&format!("{v:?}"))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.push(&format!("{v:?}"))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        match self.field {
            Some(("Known", "as_of") | ("AuthorityPosition", "date")) => {
                let a = AsOf::parse(v).map_err(Error)?;
                let code = format!(
                    "AsOf {{ from: {}, to: {}, undated: {} }}",
                    partial_date(a.from),
                    partial_date(a.to),
                    a.undated
                );
                self.push(&code)
            }
            Some(("Availability", "until")) => {
                let d: jiff::civil::Date = v.parse().map_err(|e| Error(format!("{v}: {e}")))?;
                let code = format!(
                    "jiff::civil::Date::constant({}, {}, {})",
                    d.year(),
                    d.month(),
                    d.day()
                );
                self.push(&code)
            }
            _ => self.push(&format!("s({v:?})")),
        }
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(Error("bytes have no Rust literal here".into()))
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.push("None")
    }
    fn serialize_some<T: ?Sized + Serialize>(mut self, value: &T) -> Result<(), Error> {
        self.out.push_str("Some(");
        let field = self.field;
        value.serialize(self.nested(field))?;
        self.push(")")
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.push("()")
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<(), Error> {
        self.push(name)
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.push(&format!("{name}::{variant}"))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push_str(&format!("{name}("));
        value.serialize(self.nested(None))?;
        self.push(")")
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        mut self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push_str(&format!("{name}::{variant}("));
        value.serialize(self.nested(None))?;
        self.push(")")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        self.out.push_str("vec![");
        Ok(Seq { out: self.out, close: "]", field: self.field })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a>, Error> {
        self.out.push('(');
        Ok(Seq { out: self.out, close: ")", field: None })
    }
    fn serialize_tuple_struct(self, name: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        self.out.push_str(&format!("{name}("));
        Ok(Seq { out: self.out, close: ")", field: None })
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        self.out.push_str(&format!("{name}::{variant}("));
        Ok(Seq { out: self.out, close: ")", field: None })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Map<'a>, Error> {
        self.out.push_str("BTreeMap::from([");
        Ok(Map { out: self.out })
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Struct<'a>, Error> {
        self.out.push_str(&format!("{name} {{ "));
        Ok(Struct { out: self.out, name })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Struct<'a>, Error> {
        self.out.push_str(&format!("{name}::{variant} {{ "));
        Ok(Struct { out: self.out, name: variant })
    }
}

pub struct Seq<'a> {
    out: &'a mut String,
    close: &'static str,
    /// Elements of a list field share the field's type treatment (a list of dates).
    field: Option<(&'static str, &'static str)>,
}

impl Seq<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Code { out: self.out, field: self.field })?;
        self.out.push_str(", ");
        Ok(())
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.out.push_str(self.close);
        Ok(())
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.out.push_str(self.close);
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.out.push_str(self.close);
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.out.push_str(self.close);
        Ok(())
    }
}

pub struct Map<'a> {
    out: &'a mut String,
}

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.out.push('(');
        key.serialize(Code { out: self.out, field: None })?;
        self.out.push_str(", ");
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Code { out: self.out, field: None })?;
        self.out.push_str("), ");
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.out.push_str("])");
        Ok(())
    }
}

pub struct Struct<'a> {
    out: &'a mut String,
    name: &'static str,
}

impl Struct<'_> {
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        let _ = write!(self.out, "{key}: ");
        value.serialize(Code { out: self.out, field: Some((self.name, key)) })?;
        self.out.push_str(", ");
        Ok(())
    }

    /// A field serde skipped (its value is the default, which it reads back as).
    fn skipped(&mut self, key: &'static str) {
        let _ = write!(self.out, "{key}: Default::default(), ");
    }
}

impl ser::SerializeStruct for Struct<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), Error> {
        self.skipped(key);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.out.push('}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Struct<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn skip_field(&mut self, key: &'static str) -> Result<(), Error> {
        self.skipped(key);
        Ok(())
    }
    fn end(self) -> Result<(), Error> {
        self.out.push('}');
        Ok(())
    }
}
