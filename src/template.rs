//! `{name}` placeholders in translatable sentences.
//!
//! One pass over the template, matching names by hand: cheaper in the wasm than `str::replace`
//! (whose substring searcher is ~3 KB there), and a value that itself contains `{name}` is never
//! substituted again.

/// `template` with each `{name}` whose name is in `values` replaced by its value; other braces are
/// left as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    // `split_once` rather than slicing by index: no char-boundary panic path in the wasm.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let named = after.split_once('}').and_then(|(name, tail)| {
            let (_, value) = values.iter().find(|(k, _)| *k == name)?;
            Some((*value, tail))
        });
        match named {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_known_names_once_and_keeps_everything_else() {
        let v = [("n", "3"), ("k", "{n}")];
        assert_eq!(fill("about {k} in {n}", &v), "about {n} in 3");
        assert_eq!(fill("{n}%", &v), "3%");
        assert_eq!(fill("{x} {n", &v), "{x} {n");
        assert_eq!(fill("ünï {n}{n}", &v), "ünï 33");
        assert_eq!(fill("", &v), "");
    }
}
