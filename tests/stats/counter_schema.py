"""The parts of the COUNTER API 5.1 schema our IR and PR answers use, as JSON Schema.

Source: the COUNTER API specification for Release 5.1 (formerly COUNTER_SUSHI5;
OpenAPI 3.1, "COUNTER API 5.1.0.1", api-specification/COUNTER_API.json in
github.com/Project-Counter/cop5, CC BY 4.0), its Report_Header,
Exception and IR/PR Report_Items models, checked against the Code of
Practice's sample reports IR_sample_r51.json and PR_sample_r51.json. Written
here by hand (tests run without the network) and reduced to what we emit:
the members we never send (Registry_Record, parent and component details,
Access_Method, ...) are left out, and `additionalProperties: false` holds us
to the spec's names.
"""

DATA_TYPES = [
    "Article",
    "Audiovisual",
    "Book",
    "Book_Segment",
    "Conference",
    "Conference_Item",
    "Database_Aggregated",
    "Database_AI",
    "Database_Full",
    "Database_Full_Item",
    "Dataset",
    "Image",
    "Interactive_Resource",
    "Journal",
    "Multimedia",
    "News_Item",
    "Newspaper_or_Newsletter",
    "Other",
    "Patent",
    "Platform",
    "Reference_Item",
    "Reference_Work",
    "Report",
    "Software",
    "Sound",
    "Standard",
    "Thesis_or_Dissertation",
    "Unspecified",
]
ITEM_METRICS = [
    "Total_Item_Investigations",
    "Total_Item_Requests",
    "Unique_Item_Investigations",
    "Unique_Item_Requests",
]

_performance = {
    "type": "object",
    "minProperties": 1,
    "propertyNames": {"enum": ITEM_METRICS},
    "additionalProperties": {
        "type": "object",
        "minProperties": 1,
        # R5.1: months without usage are left out, so every count is at least 1
        "patternProperties": {r"^\d{4}-(0[1-9]|1[0-2])$": {"type": "integer", "minimum": 1}},
        "additionalProperties": False,
    },
}
_identifiers = {
    "type": "object",
    "patternProperties": {
        "^(Proprietary|ISNI|ROR)$": {"type": "array", "items": {"type": "string"}}
    },
    "additionalProperties": False,
}
_date = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

REPORT_HEADER = {
    "type": "object",
    "required": [
        "Release",
        "Report_ID",
        "Report_Name",
        "Created",
        "Created_By",
        "Institution_Name",
        "Report_Filters",
    ],
    "properties": {
        "Release": {"const": "5.1"},
        "Report_ID": {"enum": ["IR", "PR"]},
        "Report_Name": {"enum": ["Item Report", "Platform Report"]},
        "Created": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"},
        "Created_By": {"type": "string", "minLength": 1},
        "Institution_Name": {"type": "string", "minLength": 1},
        "Institution_ID": _identifiers,
        "Report_Filters": {
            "type": "object",
            "required": ["Begin_Date", "End_Date"],
            "properties": {"Begin_Date": _date, "End_Date": _date},
            "additionalProperties": False,
        },
        "Report_Attributes": {
            "type": "object",
            "properties": {
                "Attributes_To_Show": {
                    "type": "array",
                    "items": {"enum": ["YOP", "Access_Type", "Access_Method", "Data_Type"]},
                }
            },
            "additionalProperties": False,
        },
        "Exceptions": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["Code", "Message"],
                "properties": {
                    "Code": {"type": "integer", "minimum": 1000, "maximum": 9999},
                    "Message": {"type": "string", "minLength": 1},
                    "Data": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}

IR_ITEM = {
    "type": "object",
    "required": ["Item", "Publisher", "Platform", "Item_ID", "Attribute_Performance"],
    "properties": {
        "Item": {"type": "string", "minLength": 1},
        "Publisher": {"type": "string"},
        "Publisher_ID": _identifiers,
        "Platform": {"type": "string", "minLength": 1},
        "Item_ID": {
            "type": "object",
            "minProperties": 1,
            "properties": {
                "DOI": {"type": "string", "pattern": "^10\\."},
                "Proprietary": {"type": "string", "pattern": "^[^:]+:.+$"},
                "URI": {"type": "string", "format": "uri", "pattern": "^https?://"},
            },
            "additionalProperties": False,
        },
        "Attribute_Performance": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["Data_Type", "Performance"],
                "properties": {
                    "Data_Type": {"enum": DATA_TYPES},
                    "YOP": {"type": "string", "pattern": r"^\d{4}$"},
                    "Access_Type": {"enum": ["Controlled", "Open", "Free_To_Read"]},
                    "Performance": _performance,
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}

IR = {
    "type": "object",
    "required": ["Report_Header", "Report_Items"],
    "properties": {
        "Report_Header": REPORT_HEADER,
        "Report_Items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["Items"],
                "properties": {"Items": {"type": "array", "minItems": 1, "items": IR_ITEM}},
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}

PR = {
    "type": "object",
    "required": ["Report_Header", "Report_Items"],
    "properties": {
        "Report_Header": REPORT_HEADER,
        "Report_Items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["Platform", "Attribute_Performance"],
                "properties": {
                    "Platform": {"type": "string", "minLength": 1},
                    "Attribute_Performance": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["Data_Type", "Performance"],
                            "properties": {
                                "Data_Type": {"enum": DATA_TYPES},
                                "Performance": _performance,
                            },
                            "additionalProperties": False,
                        },
                    },
                },
                "additionalProperties": False,
            },
        },
    },
    "additionalProperties": False,
}
