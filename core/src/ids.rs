//! Enums with stable string ids: saves store the id (so a renamed variant never breaks a file),
//! and the sentences layer looks its words up by it.

/// Declares a unit-only enum whose variants are saved as their id string, with `ALL`, `id()` and
/// `from_id()`. With `unrecognised = Variant`, an id this build does not know reads as that
/// variant instead of failing (for ids that older builds wrote and this one no longer has).
macro_rules! stable_ids {
    (
        $(#[$meta:meta])*
        pub enum $name:ident $(unrecognised = $fallback:ident)? {
            $($(#[$vmeta:meta])* $variant:ident = $id:literal),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable id, as saved.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),+
                }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                match id {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.id())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let id = <String as serde::Deserialize>::deserialize(deserializer)?;
                #[allow(unused_mut, unused_assignments)]
                let mut fallback: Option<$name> = None;
                $(fallback = Some($name::$fallback);)?
                $name::from_id(&id).or(fallback).ok_or_else(|| {
                    serde::de::Error::unknown_variant(&id, &[$($id),+])
                })
            }
        }
    };
}

pub(crate) use stable_ids;
