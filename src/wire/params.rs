//! `params!`: declares an endpoint's request parameters once.
//!
//! Each endpoint file lists its parameters (API name, type, documented constraint as a doc
//! comment); the macro adds what every params type shares: every field optional and read
//! leniently from JS values, unknown names rejected (a typo must not be dropped silently),
//! TypeScript generation on wasm, and form encoding in declaration order.

/// Declares a params struct. Every field becomes `pub name: Option<Type>`, where `Type` is
/// `String` or one of the [`crate::wire::lenient`] types.
macro_rules! params {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $(
                $(#[$field_meta:meta])*
                $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
        #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), derive(tsify::Tsify))]
        #[serde(default, deny_unknown_fields)]
        pub struct $name {
            $(
                $(#[$field_meta])*
                #[serde(deserialize_with = "crate::wire::lenient::optional")]
                #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), tsify(optional))]
                pub $field: Option<$ty>,
            )*
        }

        impl $name {
            /// The API names of every parameter this endpoint takes, in declaration order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }

        #[cfg(feature = "client")]
        impl $crate::wire::form::Encode for $name {
            fn encode(&self, form: &mut $crate::wire::form::Form) {
                $( form.field(stringify!($field), self.$field.as_ref()); )*
            }
        }
    };
}

pub(crate) use params;
