#include <stdexcept>

#include "testdata_tree.hpp"

namespace evtxcar::testdata {

namespace {

// Manifest cells are single lines without tabs.
const std::string& cell(const std::string& text) {
    if (text.find_first_of("\t\r\n") != std::string::npos)
        throw std::logic_error("manifest cell with a tab or line break: " + text);
    return text;
}

}  // namespace

std::string manifest_tsv(const std::vector<written_scenario>& files) {
    std::string out = "path\texercises\trecords_written\trecords_readable\toutcome\treason\trecords_lost\n";
    for (const written_scenario& file : files) {
        out += cell(file.scenario->path) + '\t' + cell(file.scenario->exercises) + '\t' +
               std::to_string(file.records.size()) + '\t' + std::to_string(file.verdict.records_readable) + '\t' +
               outcome_name(file.verdict.outcome) + '\t' + cell(file.verdict.reason) + '\t' +
               (file.verdict.records_lost ? std::to_string(*file.verdict.records_lost) : std::string("-")) + '\n';
    }
    return out;
}

}  // namespace evtxcar::testdata
