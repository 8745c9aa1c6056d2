"""READ: files into the model. YAML with the place of every value, the files an entry may use,
validation with Korean messages at file:line:col, and the whole project into one Catalog."""
