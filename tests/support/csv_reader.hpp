#pragma once
// A small RFC 4180 reader for tests: quoted fields, doubled quotes, CR LF or
// LF line ends, line breaks inside quotes. Written for the tests only, to
// read back what evtxcar wrote without using evtxcar's own CSV code.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace evtxcar::test {

using csv_row = std::vector<std::string>;

// A UTF-8 byte-order mark at the start (evtxcar writes one unless asked
// not to, --csv-bom) is no part of the first cell, as for any CSV reader.
inline std::vector<csv_row> parse_csv(const std::string& text_with_mark) {
    const std::string text = text_with_mark.rfind("\xEF\xBB\xBF", 0) == 0 ? text_with_mark.substr(3) : text_with_mark;
    std::vector<csv_row> rows;
    csv_row row;
    std::string field;
    bool quoted = false;
    bool field_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.push_back(c);
            }
            continue;
        }
        if (c == '"') {
            if (field_started) throw std::runtime_error("quote inside an unquoted field");
            quoted = true;
            field_started = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            field_started = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;  // the LF ends the row
        } else if (c == '\n') {
            row.push_back(std::move(field));
            rows.push_back(std::move(row));
            row.clear();
            field.clear();
            field_started = false;
        } else {
            field.push_back(c);
            field_started = true;
        }
    }
    if (quoted) throw std::runtime_error("unterminated quoted field");
    if (field_started || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Rows as maps from the header row's names.
struct csv_table {
    csv_row header;
    std::vector<csv_row> rows;

    std::size_t column(const std::string& name) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return i;
        }
        throw std::runtime_error("no column " + name);
    }
    const std::string& at(std::size_t row, const std::string& name) const { return rows.at(row).at(column(name)); }
};

inline csv_table read_csv_table(const std::string& path) {
    auto rows = parse_csv(read_file(path));
    if (rows.empty()) throw std::runtime_error(path + " has no header row");
    csv_table table;
    table.header = std::move(rows.front());
    table.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
    return table;
}

}  // namespace evtxcar::test
