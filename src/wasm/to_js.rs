//! Rust values to plain JS objects, through their `serde::Serialize` impls.
//!
//! A minimal serializer for the shapes the boundary returns (structs, sequences, numbers,
//! booleans, strings, unit enum variants, `None`), so the wasm carries this instead of a general
//! one: structs become plain objects, sequences arrays, numbers JS numbers (`NaN` stays `NaN`),
//! unit variants their (renamed) names, and `None` `null`, as in JSON. Other shapes are refused
//! with an error; the boundary's types have none.

use js_sys::{Array, Object, Reflect};
use serde::ser::{self, Serialize};
use wasm_bindgen::JsValue;

/// Why a value could not be converted: it has a shape this serializer does not support.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// `value` as a plain JS value.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, Error> {
    value.serialize(Serializer)
}

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(Error(format!("cannot pass {what} to JavaScript")))
}

/// Builds JS values.
struct Serializer;

/// Collects an array's items.
struct Seq(Array);

/// Collects an object's fields.
struct Struct(Object);

impl ser::SerializeSeq for Seq {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.push(&value.serialize(Serializer)?);
        Ok(())
    }

    fn end(self) -> Result<JsValue, Error> {
        Ok(self.0.into())
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<JsValue, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeStruct for Struct {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&self.0, &key.into(), &value.serialize(Serializer)?);
        Ok(())
    }

    fn end(self) -> Result<JsValue, Error> {
        Ok(self.0.into())
    }
}

impl ser::Serializer for Serializer {
    type Ok = JsValue;
    type Error = Error;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = ser::Impossible<JsValue, Error>;
    type SerializeTupleVariant = ser::Impossible<JsValue, Error>;
    type SerializeMap = ser::Impossible<JsValue, Error>;
    type SerializeStruct = Struct;
    type SerializeStructVariant = ser::Impossible<JsValue, Error>;

    fn serialize_bool(self, v: bool) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_i8(self, v: i8) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<JsValue, Error> {
        Ok((v as f64).into())
    }

    fn serialize_u8(self, v: u8) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<JsValue, Error> {
        Ok((v as f64).into())
    }

    fn serialize_f32(self, v: f32) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_f64(self, v: f64) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_char(self, v: char) -> Result<JsValue, Error> {
        Ok(v.to_string().into())
    }

    fn serialize_str(self, v: &str) -> Result<JsValue, Error> {
        Ok(v.into())
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<JsValue, Error> {
        unsupported("bytes")
    }

    fn serialize_none(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<JsValue, Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<JsValue, Error> {
        Ok(JsValue::NULL)
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<JsValue, Error> {
        Ok(variant.into())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<JsValue, Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<JsValue, Error> {
        unsupported("an enum variant with data")
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Seq, Error> {
        Ok(Seq(Array::new()))
    }

    fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        unsupported("a tuple struct")
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported("an enum variant with data")
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        unsupported("a map")
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Struct, Error> {
        Ok(Struct(Object::new()))
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        unsupported("an enum variant with data")
    }
}
