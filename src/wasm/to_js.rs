//! Rust values to plain JS objects, through their `serde::Serialize` impls.
//!
//! A minimal serializer for the shapes the boundary returns (structs, sequences, numbers,
//! booleans, strings, unit enum variants, `None`), so the wasm carries this instead of a general
//! one: structs become plain objects, sequences arrays, numbers JS numbers (`NaN` stays `NaN`),
//! unit variants their (renamed) names, and `None` `null`, as in JSON. Other shapes are refused
//! with an error; the boundary's types have none.
//!
//! Each value crossing into JS is a call, so arrays of numbers cross whole, in one call, and
//! field and variant names (always `&'static str`) are made JS strings once and then reused.

use std::cell::RefCell;

use js_sys::Array;
use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A plain JS object being filled in.
    #[wasm_bindgen(js_name = Object)]
    type Fields;

    /// `new Object()`.
    #[wasm_bindgen(constructor, js_class = Object)]
    fn new() -> Fields;

    /// `object[key] = value`: a keyed store, which V8 does several times faster than the
    /// `Reflect.set` call of `js_sys` (and which cannot throw on a fresh plain object).
    #[wasm_bindgen(method, indexing_setter)]
    fn set(this: &Fields, key: &JsValue, value: &JsValue);

    /// `Array.prototype.push.apply(array, numbers)`: wasm-bindgen passes the slice as a
    /// `Float64Array` view of the wasm memory, copied before anything else runs. (Faster in V8
    /// than `Array.from`.)
    #[wasm_bindgen(js_namespace = ["Array", "prototype", "push"], js_name = apply)]
    fn push_numbers(array: &Array, numbers: &[f64]);
}

/// A JS array of `numbers`.
fn array_of_numbers(numbers: &[f64]) -> Array {
    let array = Array::new();
    push_numbers(&array, numbers);
    array
}

thread_local! {
    /// The JS strings made so far for names, by the name's address.
    static NAMES: RefCell<Vec<(&'static str, &'static JsValue)>> =
        const { RefCell::new(Vec::new()) };
}

/// `name` as a JS string, made once per name and kept for good (names are the boundary's field and
/// variant names, a few dozen): lent rather than cloned, since a clone and its drop are two trips
/// through the externref table. The cache is not borrowed while the caller runs JS, which may call
/// back into the wasm (a getter on a scenario object, say).
pub(super) fn name(name: &'static str) -> &'static JsValue {
    NAMES.with_borrow_mut(|names| {
        if let Some((_, v)) = names.iter().find(|(n, _)| std::ptr::eq(*n, name)) {
            return *v;
        }
        let v: &'static JsValue = Box::leak(Box::new(JsValue::from_str(name)));
        names.push((name, v));
        v
    })
}

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

/// Collects an array's items: numbers in Rust while they are all numbers, then in a JS array.
struct Seq {
    numbers: Vec<f64>,
    array: Option<Array>,
}

/// Collects an object's fields.
struct Struct(Fields);

impl ser::SerializeSeq for Seq {
    type Ok = JsValue;
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        if self.array.is_none() {
            if let Ok(n) = value.serialize(Number) {
                self.numbers.push(n);
                return Ok(());
            }
        }
        let item = value.serialize(Serializer)?;
        self.array
            .get_or_insert_with(|| array_of_numbers(&self.numbers))
            .push(&item);
        Ok(())
    }

    fn end(self) -> Result<JsValue, Error> {
        Ok(self
            .array
            .unwrap_or_else(|| array_of_numbers(&self.numbers))
            .into())
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
        self.0.set(name(key), &value.serialize(Serializer)?);
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
        Ok(name(variant).clone())
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

    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
        Ok(Seq {
            numbers: Vec::with_capacity(len.unwrap_or(0)),
            array: None,
        })
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
        Ok(Struct(Fields::new()))
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

/// Reads a number, and refuses anything else (at once, without looking inside).
struct Number;

fn not_a_number<T>() -> Result<T, Error> {
    Err(Error(String::new()))
}

impl ser::Serializer for Number {
    type Ok = f64;
    type Error = Error;
    type SerializeSeq = ser::Impossible<f64, Error>;
    type SerializeTuple = ser::Impossible<f64, Error>;
    type SerializeTupleStruct = ser::Impossible<f64, Error>;
    type SerializeTupleVariant = ser::Impossible<f64, Error>;
    type SerializeMap = ser::Impossible<f64, Error>;
    type SerializeStruct = ser::Impossible<f64, Error>;
    type SerializeStructVariant = ser::Impossible<f64, Error>;

    fn serialize_bool(self, _: bool) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_i8(self, v: i8) -> Result<f64, Error> {
        Ok(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<f64, Error> {
        Ok(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<f64, Error> {
        Ok(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<f64, Error> {
        Ok(v as f64)
    }

    fn serialize_u8(self, v: u8) -> Result<f64, Error> {
        Ok(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<f64, Error> {
        Ok(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<f64, Error> {
        Ok(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<f64, Error> {
        Ok(v as f64)
    }

    fn serialize_f32(self, v: f32) -> Result<f64, Error> {
        Ok(v.into())
    }

    fn serialize_f64(self, v: f64) -> Result<f64, Error> {
        Ok(v)
    }

    fn serialize_char(self, _: char) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_str(self, _: &str) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_bytes(self, _: &[u8]) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_none(self) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_unit(self) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_unit_struct(self, _: &'static str) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<f64, Error> {
        not_a_number()
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        not_a_number()
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        not_a_number()
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        not_a_number()
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        not_a_number()
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        not_a_number()
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        not_a_number()
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        not_a_number()
    }
}
