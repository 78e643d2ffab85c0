//! `params!`: declares an endpoint once, in its own file: its path, whether it may be retried,
//! how its answer decodes, and each parameter with its doc text, type, whether it is required
//! and its validation rule.
//!
//! From that one list the macro makes two tables, which the shared machinery walks for every
//! endpoint, so no code is generated per endpoint:
//! - `ENDPOINT` ([`crate::api::Endpoint`]): every parameter's name and kind, read by the one
//!   reader (`wire::params`) and written by the one encoder (`wire::form`);
//! - `RULES` ([`crate::validate::lead::Request`]): the parameters that have a rule, for the
//!   one rule engine (`validate::lead`). The validation-only module links only this table.
//!
//! It also declares the params struct: the TypeScript type (wasm) and the typed Rust API
//! (natively: serde, and field access by name for the validators).
//!
//! A parameter is `name: Type`, optionally followed by `= required(Need, Check)` (the
//! parameter must be given; blank is reported as `Need` says) or `= optional(Check)`. Errors
//! come in declaration order. A parameter without a rule written `name: FlagLike` is a flag
//! (it takes `true`/`false` where text does not): `RULES` lists it so the validators read its
//! value as the client does.

/// See the module documentation.
macro_rules! params {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            path: $path:literal,
            idempotent: $idempotent:literal,
            answer: $answer:ident,
            fields {
                $($fields:tt)*
            }
            ranges [$(($start:ident, $end:ident)),* $(,)?]
        }
    ) => {
        $crate::api::declare::params!(@field
            [$(#[$meta])* $name $path $idempotent $answer [$($start $end)*]]
            struct [] all [] kinds [] ruled [] rules [] unruled [] flags []
            $($fields)*
        );
    };

    // A required parameter: always text, required in the TypeScript type.
    (@field $head:tt
        struct [$($struct:tt)*] all [$($all:ident)*] kinds [$($kind:expr,)*]
        ruled [$($ruled:ident)*] rules [$($rule:expr,)*] unruled [$($unruled:ident)*] flags [$($flag:ident)*]
        $(#[$field_meta:meta])* $field:ident : $ty:ty = required($need:ident, $check:expr),
        $($rest:tt)*
    ) => {
        $crate::api::declare::params!(@field $head
            struct [$($struct)*
                $(#[$field_meta])*
                #[cfg_attr(not(target_arch = "wasm32"), serde(deserialize_with = "crate::wire::typed::optional"))]
                #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), tsify(type = "string"))]
                pub $field: Option<$ty>,
            ]
            all [$($all)* $field]
            kinds [$($kind,)* <$ty as $crate::wire::params::Kinded>::KIND,]
            ruled [$($ruled)* $field]
            rules [$($rule,)* $crate::validate::lead::Rule {
                check: $check,
                need: $crate::validate::lead::Need::$need,
            },]
            unruled [$($unruled)*]
            flags [$($flag)*]
            $($rest)*
        );
    };

    // An optional parameter with a rule: its rule joins the table, then it is declared.
    (@field $head:tt
        struct [$($struct:tt)*] all [$($all:ident)*] kinds [$($kind:expr,)*]
        ruled [$($ruled:ident)*] rules [$($rule:expr,)*] unruled [$($unruled:ident)*] flags [$($flag:ident)*]
        $(#[$field_meta:meta])* $field:ident : $ty:ty = optional($check:expr),
        $($rest:tt)*
    ) => {
        $crate::api::declare::params!(@field $head
            struct [$($struct)*] all [$($all)*] kinds [$($kind,)*]
            ruled [$($ruled)* $field]
            rules [$($rule,)* $crate::validate::lead::Rule {
                check: $check,
                need: $crate::validate::lead::Need::Optional,
            },]
            unruled [$($unruled)*]
            flags [$($flag)*]
            @declare $(#[$field_meta])* $field: $ty,
            $($rest)*
        );
    };

    // An optional flag the service takes as given (it takes `true` where text does not), then
    // declared.
    (@field $head:tt
        struct [$($struct:tt)*] all [$($all:ident)*] kinds [$($kind:expr,)*]
        ruled [$($ruled:ident)*] rules [$($rule:expr,)*] unruled [$($unruled:ident)*] flags [$($flag:ident)*]
        $(#[$field_meta:meta])* $field:ident : FlagLike,
        $($rest:tt)*
    ) => {
        $crate::api::declare::params!(@field $head
            struct [$($struct)*] all [$($all)*] kinds [$($kind,)*]
            ruled [$($ruled)*] rules [$($rule,)*] unruled [$($unruled)*] flags [$($flag)* $field]
            @declare $(#[$field_meta])* $field: $crate::wire::lenient::FlagLike,
            $($rest)*
        );
    };

    // An optional parameter the service takes as given: one of the others, then declared.
    (@field $head:tt
        struct [$($struct:tt)*] all [$($all:ident)*] kinds [$($kind:expr,)*]
        ruled [$($ruled:ident)*] rules [$($rule:expr,)*] unruled [$($unruled:ident)*] flags [$($flag:ident)*]
        $(#[$field_meta:meta])* $field:ident : $ty:ty,
        $($rest:tt)*
    ) => {
        $crate::api::declare::params!(@field $head
            struct [$($struct)*] all [$($all)*] kinds [$($kind,)*]
            ruled [$($ruled)*] rules [$($rule,)*] unruled [$($unruled)* $field] flags [$($flag)*]
            @declare $(#[$field_meta])* $field: $ty,
            $($rest)*
        );
    };

    // Declares an optional parameter (its rule, if any, is in the table already).
    (@field $head:tt
        struct [$($struct:tt)*] all [$($all:ident)*] kinds [$($kind:expr,)*]
        ruled [$($ruled:ident)*] rules [$($rule:expr,)*] unruled [$($unruled:ident)*] flags [$($flag:ident)*]
        @declare $(#[$field_meta:meta])* $field:ident : $ty:ty,
        $($rest:tt)*
    ) => {
        $crate::api::declare::params!(@field $head
            struct [$($struct)*
                $(#[$field_meta])*
                #[cfg_attr(not(target_arch = "wasm32"), serde(default, deserialize_with = "crate::wire::typed::optional"))]
                #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), tsify(optional))]
                pub $field: Option<$ty>,
            ]
            all [$($all)* $field]
            kinds [$($kind,)* <$ty as $crate::wire::params::Kinded>::KIND,]
            ruled [$($ruled)*]
            rules [$($rule,)*]
            unruled [$($unruled)*]
            flags [$($flag)*]
            $($rest)*
        );
    };

    // Every parameter read: the struct and the two tables.
    (@field
        [$(#[$meta:meta])* $name:ident $path:literal $idempotent:literal $answer:ident [$($start:ident $end:ident)*]]
        struct [$($struct:tt)*] all [$($all:ident)*] kinds [$($kind:expr,)*]
        ruled [$($ruled:ident)*] rules [$($rule:expr,)*] unruled [$($unruled:ident)*] flags [$($flag:ident)*]
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq)]
        // Natively the typed API reads params with serde (every field may be missing:
        // validation reports the required ones); the wasm build reads them by the table.
        #[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(default, deny_unknown_fields))]
        #[cfg_attr(all(target_arch = "wasm32", feature = "typescript"), derive(tsify::Tsify))]
        pub struct $name {
            $($struct)*
        }

        impl $name {
            /// The API names of every parameter this endpoint takes, in declaration order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($all)),*];
        }

        /// The typed API's fields by name, for the validators (native builds: the wasm
        /// builds read JS objects instead, so this is never in a module).
        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::validate::fields::Fields for $name {
            fn value(&self, name: &str) -> $crate::validate::fields::Value<'_> {
                use $crate::validate::fields::AsValue;
                match name {
                    $(stringify!($all) => self.$all.as_value(),)*
                    _ => $crate::validate::fields::Value::Absent,
                }
            }
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl $crate::api::endpoint::Typed for $name {
            const ENDPOINT: &'static $crate::api::endpoint::Endpoint = &ENDPOINT;
        }

        /// The rules of this endpoint's parameters, in declaration order.
        pub static RULES: $crate::validate::lead::Request = $crate::validate::lead::Request {
            names: concat!($(stringify!($ruled), " ",)* $(stringify!($flag), " ",)* $(stringify!($unruled), " "),*),
            rules: &[$($rule),*],
            ranges: concat!($(stringify!($start), " ", stringify!($end), " "),*),
            flags: <[&str]>::len(&[$(stringify!($flag)),*]),
        };

        /// This endpoint, as the shared machinery reads it.
        pub static ENDPOINT: $crate::api::endpoint::Endpoint = $crate::api::endpoint::Endpoint {
            path: $path,
            idempotent: $idempotent,
            answer: $crate::api::endpoint::Answer::$answer,
            params: $crate::wire::params::ParamList {
                names: concat!($(stringify!($all), " "),*),
                kinds: &[$($kind),*],
            },
            rules: &RULES,
        };
    };
}

pub(crate) use params;
