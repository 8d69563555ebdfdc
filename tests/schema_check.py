#!/usr/bin/env python3
"""Check JSON documents against the project's JSON Schemas (pipeline/schemas/).

Implements the part of JSON Schema 2020-12 those schemas use: type, const,
enum, required, properties, additionalProperties, items, minimum, maximum,
pattern, allOf and local $ref. Written for the test suite so that it needs no
package beyond python3.

usage: schema_check.py SCHEMA.json FILE [--jsonl]
Prints the first problems as FILE:LINE: path: what; exits 1 if any.
"""
import json
import re
import sys

TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}


def type_ok(value, name):
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[name])


def check(value, schema, root, path, errors):
    if "$ref" in schema:
        node = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        check(value, node, root, path, errors)
    for sub in schema.get("allOf", []):
        check(value, sub, root, path, errors)
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(type_ok(value, n) for n in names):
            errors.append(f"{path}: {value!r:.40} is not {schema['type']}")
            return
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: {value!r:.40} is not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r:.40} is not one of {schema['enum']}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{path}: {value} < {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{path}: {value} > {schema['maximum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r:.40} does not match {schema['pattern']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: missing {key}")
        props = schema.get("properties", {})
        for key, v in value.items():
            if key in props:
                check(v, props[key], root, f"{path}.{key}", errors)
            elif isinstance(schema.get("additionalProperties"), dict):
                check(v, schema["additionalProperties"], root, f"{path}.{key}", errors)
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected {key}")
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            check(v, schema["items"], root, f"{path}[{i}]", errors)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    schema = json.load(open(argv[1], encoding="utf-8"))
    path = argv[2]
    docs = []
    with open(path, encoding="utf-8") as f:
        if "--jsonl" in argv:
            docs = [(n, json.loads(line)) for n, line in enumerate(f, 1) if line.strip()]
        else:
            docs = [(1, json.load(f))]
    bad = 0
    for n, doc in docs:
        errors = []
        check(doc, schema, schema, "$", errors)
        for e in errors[:5]:
            print(f"{path}:{n}: {e}")
        bad += bool(errors)
    print(f"{len(docs)} documents, {bad} not valid")
    return 1 if bad or not docs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
