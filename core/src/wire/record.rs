//! `record!`: declares a record type of an answer (a lead, a recording) once, giving both the
//! TypeScript/Rust shape and the normalisation rules decoding applies, so the two cannot
//! drift apart.

/// Declares a record struct. `required` fields are plain `String`/`f64`; `optional` fields
/// become `Option<…>` (TypeScript `name?: T | null`). Every record also keeps the fields it
/// does not list in `extra` (TypeScript: an index signature).
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident as $label:literal {
            required {
                $( $(#[$req_meta:meta])* $req:ident : $req_ty:ty, )*
            }
            optional {
                $( $(#[$opt_meta:meta])* $opt:ident : $opt_ty:ty, )*
            }
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(serde::Serialize, serde::Deserialize))]
        #[cfg_attr(
            all(target_arch = "wasm32", feature = "typescript"),
            derive(tsify::Tsify),
            tsify(missing_as_null)
        )]
        pub struct $name {
            $( $(#[$req_meta])* pub $req: $req_ty, )*
            $(
                $(#[$opt_meta])*
                #[cfg_attr(any(not(target_arch = "wasm32"), feature = "typescript"), serde(default))]
                pub $opt: Option<$opt_ty>,
            )*
            /// Fields the service sent beyond the documented ones (custom fields such as
            /// `field_1`), exactly as it sent them.
            #[cfg_attr(any(not(target_arch = "wasm32"), feature = "typescript"), serde(flatten))]
            #[cfg_attr(
                all(target_arch = "wasm32", feature = "typescript"),
                tsify(type = "Record<string, unknown>")
            )]
            pub extra: $crate::wire::shape::Extra,
        }

        impl $crate::wire::shape::Record for $name {
            const NAME: &'static str = $label;
            const FIELDS: &'static [$crate::wire::shape::FieldSpec] = &[
                $($crate::wire::shape::FieldSpec {
                    name: stringify!($req),
                    kind: <$req_ty as $crate::wire::shape::FieldType>::KIND,
                    required: true,
                },)*
                $($crate::wire::shape::FieldSpec {
                    name: stringify!($opt),
                    kind: <$opt_ty as $crate::wire::shape::FieldType>::KIND,
                    required: false,
                },)*
            ];
        }
    };
}

pub(crate) use record;
