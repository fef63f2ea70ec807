//! `{name}` placeholders in translatable sentences.

/// `template` with each `{name}` whose name is in `values` replaced by its value; other braces are
/// left as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::fill;

    #[test]
    fn fills_known_names_and_keeps_everything_else() {
        let v = [("n", "3"), ("k", "7")];
        assert_eq!(fill("about {k} in {n}", &v), "about 7 in 3");
        assert_eq!(fill("{n}%", &v), "3%");
        assert_eq!(fill("{x} {n", &v), "{x} {n");
        assert_eq!(fill("ünï {n}{n}", &v), "ünï 33");
        assert_eq!(fill("", &v), "");
    }
}
