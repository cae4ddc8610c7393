// Every modifier of the modifiers appendix (sigma-appendix-modifiers.md),
// alone and chained as rules chain them. Encoded forms come from coreutils
// `base64` and `iconv -t utf-16le`, not from the engine.
#include "catch.hpp"
#include "sigma/sigma_string.hpp"
#include "sigma_test_support.hpp"

using evtxcar::sigma::testing::single_rule;
namespace sigma = evtxcar::sigma;

namespace {

std::string detection(const std::string& key, const std::string& values) {
    return "    selection:\n        " + key + ": " + values + "\n    condition: selection\n";
}

}  // namespace

TEST_CASE("contains, startswith, endswith", "[sigma]") {
    // "contains: Puts `*` wildcards around the values"; "startswith: The value
    // is expected at the beginning"; "endswith: ... at the end".
    single_rule contains(detection("CommandLine|contains", "'-enc'"));
    single_rule starts(detection("CommandLine|startswith", "'adm'"));
    single_rule ends(detection("Image|endswith", "'\\cmd.exe'"));
    REQUIRE((contains.loaded() && starts.loaded() && ends.loaded()));
    CHECK(contains.matches({{"CommandLine", "powershell -ENC abc"}}));
    CHECK_FALSE(contains.matches({{"CommandLine", "powershell -e abc"}}));
    CHECK(starts.matches({{"CommandLine", "ADMIN"}}));
    CHECK_FALSE(starts.matches({{"CommandLine", "xadm"}}));
    CHECK(ends.matches({{"Image", "C:\\Windows\\System32\\cmd.exe"}}));
    CHECK_FALSE(ends.matches({{"Image", "C:\\Windows\\System32\\xcmd.exe"}}));
}

TEST_CASE("contains keeps the value's own wildcards", "[sigma]") {
    single_rule rule(detection("CommandLine|contains", "'net* user'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "cmd /c net1.exe user x"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "user net"}}));
}

TEST_CASE("all links the values with AND", "[sigma]") {
    // "Normally, lists of values are linked with OR ... This modifier changes
    // this to AND."
    single_rule rule(detection("CommandLine|contains|all", "\n            - ' -a '\n            - ' -b '"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "x -b -a y"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "x -a y"}}));
}

TEST_CASE("exists checks presence, not the value", "[sigma]") {
    // "Note that this check only verifies the presence of a field, not its
    // value, be it empty or null."
    single_rule present(detection("PasswordLastSet|exists", "true"));
    single_rule missing(detection("PasswordLastSet|exists", "false"));
    REQUIRE((present.loaded() && missing.loaded()));
    CHECK(present.matches({{"PasswordLastSet", ""}}));
    CHECK(present.matches({{"PasswordLastSet", "x"}}));
    CHECK_FALSE(present.matches({}));
    CHECK(missing.matches({}));
    CHECK_FALSE(missing.matches({{"PasswordLastSet", ""}}));
    single_rule wrong(detection("PasswordLastSet|exists", "'yes please'"));
    CHECK_FALSE(wrong.loaded());
}

TEST_CASE("cased applies values case-sensitively", "[sigma]") {
    // "cased: Values are applied case sensitively."
    single_rule rule(detection("CommandLine|cased|contains", "'MiMiKaTz'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "run MiMiKaTz now"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "run mimikatz now"}}));
    single_rule exact(detection("User|cased", "'SYSTEM'"));
    REQUIRE(exact.loaded());
    CHECK(exact.matches({{"User", "SYSTEM"}}));
    CHECK_FALSE(exact.matches({{"User", "System"}}));
}

TEST_CASE("neq: the field differs from every value", "[sigma]") {
    // "neq: The field is different from the specified values." evtxcar
    // negates the whole test, so an absent field is different too.
    single_rule rule(detection("User|neq", "\n            - 'SYSTEM'\n            - 'LOCAL SERVICE'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"User", "alice"}}));
    CHECK_FALSE(rule.matches({{"User", "system"}}));
    CHECK_FALSE(rule.matches({{"User", "LOCAL SERVICE"}}));
    CHECK(rule.matches({}));
    single_rule number(detection("LogonType|neq", "3"));
    REQUIRE(number.loaded());
    CHECK(number.matches({{"LogonType", "10"}}));
    CHECK_FALSE(number.matches({{"LogonType", "3"}}));
}

TEST_CASE("windash makes - / and the three long dashes interchangeable", "[sigma]") {
    // "windash: Creates all possible permutations of the `-`, `/`, `–` (en
    // dash), `—` (em dash), and `―` (horizontal bar) characters."
    single_rule rule(detection("CommandLine|windash|contains", "' -enc '"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "powershell -enc AAAA"}}));
    CHECK(rule.matches({{"CommandLine", "powershell /enc AAAA"}}));
    CHECK(rule.matches({{"CommandLine", "powershell \xE2\x80\x93" "enc AAAA"}}));  // en dash
    CHECK(rule.matches({{"CommandLine", "powershell \xE2\x80\x94" "enc AAAA"}}));  // em dash
    CHECK(rule.matches({{"CommandLine", "powershell \xE2\x80\x95" "enc AAAA"}}));  // horizontal bar
    CHECK_FALSE(rule.matches({{"CommandLine", "powershell enc AAAA"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "powershell \\enc AAAA"}}));
}

TEST_CASE("windash permutes every dash of the value independently", "[sigma]") {
    // "uses all possible permutation of strings in the selection": two
    // dashes, each any of the five.
    single_rule rule(detection("CommandLine|contains|windash", "'-a -b'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "x /a -b"}}));
    CHECK(rule.matches({{"CommandLine", "x -a /b"}}));
    CHECK(rule.matches({{"CommandLine", "x \xE2\x80\x94" "a \xE2\x80\x93" "b"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "x a b"}}));
}

TEST_CASE("contains|all|windash: each value any dash, all values", "[sigma]") {
    single_rule rule(detection("CommandLine|contains|all|windash", "\n            - '-s '\n            - '-k '"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "svchost.exe /k netsvcs -s Schedule"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "svchost.exe /k netsvcs"}}));
}

TEST_CASE("re: a regular expression searched in the value, case-sensitive", "[sigma]") {
    // "re: ... Regex is matched case-sensitive by default."
    single_rule rule(detection("CommandLine|re", "'\\s-[eE][nN][cC]\\s+[A-Za-z0-9+/=]{8,}'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "powershell -EnC SQBFAFgAIAAoAE4A"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "powershell -enc SQB"}}));
    single_rule anchored(detection("Image|re", "'^C:\\\\Windows\\\\.*\\.exe$'"));
    REQUIRE(anchored.loaded());
    CHECK(anchored.matches({{"Image", "C:\\Windows\\x.exe"}}));
    CHECK_FALSE(anchored.matches({{"Image", "c:\\windows\\x.exe"}}));
    CHECK_FALSE(anchored.matches({{"Image", "D:\\C:\\Windows\\x.exe"}}));
}

TEST_CASE("re|i, re|m and re|s", "[sigma]") {
    // "i: (insensitive) to enable case-insensitive matching"; "m: ... `^` /`$`
    // match the start/end of line"; "s: ... dot (`.`) matches all characters,
    // including the newline character".
    single_rule insensitive(detection("CommandLine|re|i", "'mimikatz'"));
    single_rule multiline(detection("ScriptBlockText|re|m", "'^Invoke-Mimikatz$'"));
    single_rule plain_lines(detection("ScriptBlockText|re", "'^Invoke-Mimikatz$'"));
    single_rule dot_all(detection("ScriptBlockText|re|s", "'begin.end'"));
    single_rule dot_plain(detection("ScriptBlockText|re", "'begin.end'"));
    REQUIRE((insensitive.loaded() && multiline.loaded() && plain_lines.loaded() && dot_all.loaded() && dot_plain.loaded()));
    CHECK(insensitive.matches({{"CommandLine", "MIMIKATZ.exe"}}));
    CHECK(multiline.matches({{"ScriptBlockText", "$x = 1\nInvoke-Mimikatz\n$y"}}));
    CHECK_FALSE(plain_lines.matches({{"ScriptBlockText", "$x = 1\nInvoke-Mimikatz\n$y"}}));
    CHECK(dot_all.matches({{"ScriptBlockText", "begin\nend"}}));
    CHECK_FALSE(dot_plain.matches({{"ScriptBlockText", "begin\nend"}}));
}

TEST_CASE("a regular expression that does not compile refuses the rule", "[sigma]") {
    single_rule rule(detection("CommandLine|re", "'(unclosed'"));
    CHECK_FALSE(rule.loaded());
    CHECK(rule.refused_construct() == "CommandLine|re: (unclosed");
    CHECK(rule.rejection().find("does not compile") != std::string::npos);
    CHECK(rule.rules.rejected[0].problem.line == 8);  // the value's line
}

TEST_CASE("cidr: IPv4 and IPv6 networks", "[sigma]") {
    // "cidr: ... Supports both IPv4 and IPv6 notations. Example:
    // `DestinationIp|cidr: 10.0.0.0/8`"
    single_rule rule(detection("DestinationIp|cidr", "\n            - '10.0.0.0/8'\n            - 'fe80::/10'\n            - '::1/128'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"DestinationIp", "10.1.2.3"}}));
    CHECK(rule.matches({{"DestinationIp", "10.255.255.255"}}));
    CHECK_FALSE(rule.matches({{"DestinationIp", "11.0.0.1"}}));
    CHECK(rule.matches({{"DestinationIp", "fe80::1"}}));
    CHECK(rule.matches({{"DestinationIp", "febf:ffff::1"}}));
    CHECK_FALSE(rule.matches({{"DestinationIp", "fec0::1"}}));
    CHECK(rule.matches({{"DestinationIp", "0:0:0:0:0:0:0:1"}}));  // as Sysmon writes ::1
    CHECK_FALSE(rule.matches({{"DestinationIp", "not an address"}}));
    CHECK_FALSE(rule.matches({}));
    single_rule wrong(detection("DestinationIp|cidr", "'10.0.0.0/33'"));
    CHECK_FALSE(wrong.loaded());
}

TEST_CASE("base64: the value is encoded", "[sigma]") {
    // "base64: The value is encoded with Base64." `printf '/bin/bash' | base64`
    // is L2Jpbi9iYXNo.
    single_rule rule(detection("CommandLine|base64|contains", "'/bin/bash'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "echo L2Jpbi9iYXNo | base64 -d"}}));
    CHECK_FALSE(rule.matches({{"CommandLine", "echo l2jPBI9IyxnO"}}));  // base64 is matched with its case
}

TEST_CASE("base64offset: the three forms of a value inside longer base64", "[sigma]") {
    // "There are three variants for shifts by zero to two bytes and except
    // the first and last byte the encoded values have a static part in the
    // middle that can be recognized."
    CHECK(sigma::base64_offset_forms("/bin/bash") ==
          std::array<std::string, 3>{"L2Jpbi9iYXNo", "9iaW4vYmFza", "vYmluL2Jhc2"});
    single_rule rule(detection("CommandLine|base64offset|contains", "'/bin/bash'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "L2Jpbi9iYXNo"}}));          // base64 of "/bin/bash"
    CHECK(rule.matches({{"CommandLine", "eC9iaW4vYmFzaHk="}}));      // base64 of "x/bin/bashy"
    CHECK(rule.matches({{"CommandLine", "eHgvYmluL2Jhc2h5eQ=="}}));  // base64 of "xx/bin/bashyy"
    CHECK_FALSE(rule.matches({{"CommandLine", "eHgvYmluL3No"}}));    // base64 of "xx/bin/sh"
}

TEST_CASE("utf16le, utf16be, utf16 and wide", "[sigma]") {
    // "utf16le: ... `cmd` > `63 00 6d 00 64 00`"; "utf16be: ... `cmd` > `00 63
    // 00 6d 00 64`"; "utf16: Prepends a byte order mark ... `FF FE 63 00 6d 00
    // 64 00`"; "wide: an alias for the utf16le modifier".
    using sigma::utf16_form;
    CHECK(sigma::utf16_encode("cmd", utf16_form::little_endian) == std::string("c\0m\0d\0", 6));
    CHECK(sigma::utf16_encode("cmd", utf16_form::big_endian) == std::string("\0c\0m\0d", 6));
    CHECK(sigma::utf16_encode("cmd", utf16_form::little_endian_with_bom) == std::string("\xFF\xFE" "c\0m\0d\0", 8));
    single_rule le(detection("Data|utf16le", "'cmd'"));
    single_rule be(detection("Data|utf16be", "'cmd'"));
    single_rule bom(detection("Data|utf16", "'cmd'"));
    single_rule wide(detection("Data|wide", "'cmd'"));
    REQUIRE((le.loaded() && be.loaded() && bom.loaded() && wide.loaded()));
    CHECK(le.matches({{"Data", std::string("c\0m\0d\0", 6)}}));
    CHECK(wide.matches({{"Data", std::string("c\0m\0d\0", 6)}}));
    CHECK_FALSE(le.matches({{"Data", "cmd"}}));
    CHECK(be.matches({{"Data", std::string("\0c\0m\0d", 6)}}));
    CHECK(bom.matches({{"Data", std::string("\xFF\xFE" "c\0m\0d\0", 8)}}));
}

TEST_CASE("utf16le|base64offset|contains: PowerShell's -EncodedCommand", "[sigma]") {
    // The modifiers apply in the order written: UTF-16LE, then base64 at any
    // offset, then contains. `printf 'aaIEX (New-Object Net.WebClient)' |
    // iconv -t utf-16le | base64 -w0`:
    const std::string encoded =
        "YQBhAEkARQBYACAAKABOAGUAdwAtAE8AYgBqAGUAYwB0ACAATgBlAHQALgBXAGUAYgBDAGwAaQBlAG4AdAApAA==";
    single_rule rule(detection("CommandLine|wide|base64offset|contains", "'IEX (New-Object'"));
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"CommandLine", "powershell.exe -enc " + encoded}}));
    // `printf 'IEX' | iconv -t utf-16le | base64` is SQBFAFgA: a different
    // command does not match.
    CHECK_FALSE(rule.matches({{"CommandLine", "powershell.exe -enc SQBFAFgA"}}));
}

TEST_CASE("an encoding of a value with wildcards is refused", "[sigma]") {
    single_rule rule(detection("CommandLine|contains|base64", "'abc'"));
    CHECK_FALSE(rule.loaded());
    CHECK(rule.rejection().find("wildcards") != std::string::npos);
}

TEST_CASE("lt, lte, gt, gte compare numbers", "[sigma]") {
    single_rule lt(detection("Count|lt", "10"));
    single_rule lte(detection("Count|lte", "10"));
    single_rule gt(detection("Count|gt", "10"));
    single_rule gte(detection("Count|gte", "10"));
    REQUIRE((lt.loaded() && lte.loaded() && gt.loaded() && gte.loaded()));
    CHECK(lt.matches({{"Count", "9"}}));
    CHECK_FALSE(lt.matches({{"Count", "10"}}));
    CHECK(lte.matches({{"Count", "10"}}));
    CHECK_FALSE(lte.matches({{"Count", "11"}}));
    CHECK(gt.matches({{"Count", "11"}}));
    CHECK(gt.matches({{"Count", "0x10"}}));  // hexadecimal as Windows writes some numbers
    CHECK_FALSE(gt.matches({{"Count", "10"}}));
    CHECK(gte.matches({{"Count", "10"}}));
    CHECK_FALSE(gte.matches({{"Count", "9.5"}}));
    CHECK_FALSE(gte.matches({{"Count", "many"}}));
    CHECK_FALSE(gte.matches({}));
    single_rule not_a_number(detection("Count|gt", "'ten'"));
    CHECK_FALSE(not_a_number.loaded());
}

TEST_CASE("fieldref compares two fields of the event", "[sigma]") {
    // "fieldref: Modifies a plain string into a field reference ... Can be
    // combine with the `neq` modifier."
    single_rule same(detection("TargetFilename|fieldref", "Image"));
    single_rule differ(detection("TargetFilename|fieldref|neq", "Image"));
    single_rule inside(detection("CommandLine|fieldref|contains", "TargetFilename"));
    REQUIRE((same.loaded() && differ.loaded() && inside.loaded()));
    CHECK(same.matches({{"TargetFilename", "C:\\a.exe"}, {"Image", "c:\\A.EXE"}}));
    CHECK_FALSE(same.matches({{"TargetFilename", "C:\\a.exe"}, {"Image", "C:\\b.exe"}}));
    CHECK_FALSE(same.matches({{"TargetFilename", "C:\\a.exe"}}));
    CHECK(differ.matches({{"TargetFilename", "C:\\a.exe"}, {"Image", "C:\\b.exe"}}));
    CHECK_FALSE(differ.matches({{"TargetFilename", "C:\\a.exe"}, {"Image", "C:\\a.exe"}}));
    CHECK(inside.matches({{"CommandLine", "del C:\\a.exe /f"}, {"TargetFilename", "C:\\a.exe"}}));
    const auto& fields = same.rules.rules[0].fields();
    REQUIRE(fields.size() == 2);
    CHECK(fields[0].name == "TargetFilename");
    CHECK(fields[1].name == "Image");
}

TEST_CASE("expand replaces placeholders with the user's values", "[sigma]") {
    // "`field: %name%` handles `%name%` as literal value. `field|expand:
    // %name%` handles `%name%` as placeholder. `field|expand: \%plain%name%`
    // handles `%plain` as plain value and `%name%` as placeholder."
    evtxcar::sigma::load_options options = evtxcar::sigma::testing::any_product();
    options.placeholders["Servers"] = {"srv*", "dc01"};
    options.placeholders["name"] = {"X"};
    single_rule literal(detection("Computer", "'%Servers%'"), options);
    single_rule expanded(detection("Computer|expand", "'%Servers%'"), options);
    single_rule escaped(detection("Computer|expand", "'\\%plain%name%'"), options);
    REQUIRE((literal.loaded() && expanded.loaded() && escaped.loaded()));
    CHECK(literal.matches({{"Computer", "%Servers%"}}));
    CHECK_FALSE(literal.matches({{"Computer", "srv01"}}));
    CHECK(expanded.matches({{"Computer", "srv01"}}));  // a placeholder value's wildcards apply
    CHECK(expanded.matches({{"Computer", "DC01"}}));
    CHECK_FALSE(expanded.matches({{"Computer", "%Servers%"}}));
    CHECK(escaped.matches({{"Computer", "%plainX"}}));
    // "If the tool isn't able to handle placeholders, it must reject the rule."
    single_rule unknown(detection("Computer|expand", "'%Workstations%'"), options);
    CHECK_FALSE(unknown.loaded());
    CHECK(unknown.refused_construct() == "Computer|expand: %Workstations%");
}

TEST_CASE("expand with cidr: HOMENET from the placeholders file", "[sigma]") {
    auto placeholders = evtxcar::sigma::read_placeholders_text("HOMENET:\n  - 10.0.0.0/8\n  - 192.168.0.0/16\nAdministrators: adm_*\n");
    REQUIRE(placeholders.ok());
    CHECK(placeholders.value().at("Administrators") == std::vector<std::string>{"adm_*"});
    evtxcar::sigma::load_options options = evtxcar::sigma::testing::any_product();
    options.placeholders = placeholders.value();
    single_rule rule(detection("DestinationIp|expand|cidr", "'%HOMENET%'"), options);
    REQUIRE(rule.loaded());
    CHECK(rule.matches({{"DestinationIp", "192.168.1.1"}}));
    CHECK_FALSE(rule.matches({{"DestinationIp", "8.8.8.8"}}));
}

TEST_CASE("unknown and unsupported modifiers are refused by name", "[sigma]") {
    single_rule unknown(detection("CommandLine|containz", "'x'"));
    CHECK_FALSE(unknown.loaded());
    CHECK(unknown.refused_construct() == "CommandLine|containz");
    CHECK(unknown.rejection() == "unknown modifier 'containz'");
    single_rule mixed(detection("CommandLine|re|contains", "'x'"));
    CHECK_FALSE(mixed.loaded());
    single_rule flag(detection("CommandLine|i", "'x'"));
    CHECK_FALSE(flag.loaded());
}

TEST_CASE("time modifiers take a number from a date", "[sigma]") {
    // "it extracts a numeric value from a date": minute 0-59, hour 0-23, day
    // 1-31, week 1-52, month 1-12, year. 2024-12-30 is a Monday, the first
    // day of ISO week 1 of 2025; 2021-01-03 a Sunday in ISO week 53 of 2020.
    single_rule hour(detection("UtcTime|hour", "3"));
    single_rule night(detection("UtcTime|hour|gte", "22"));
    single_rule minute(detection("UtcTime|minute|lt", "5"));
    single_rule day(detection("UtcTime|day", "30"));
    single_rule week(detection("UtcTime|week", "\n            - 1\n            - 53"));
    single_rule month(detection("UtcTime|month", "12"));
    single_rule year(detection("UtcTime|year|lte", "2020"));
    REQUIRE((hour.loaded() && night.loaded() && minute.loaded() && day.loaded() && week.loaded() && month.loaded() && year.loaded()));
    CHECK(hour.matches({{"UtcTime", "2024-12-30 03:15:00.123"}}));
    CHECK(hour.matches({{"UtcTime", "2024-12-30T03:59:59.1234567Z"}}));
    CHECK_FALSE(hour.matches({{"UtcTime", "2024-12-30 13:15:00.123"}}));
    CHECK_FALSE(hour.matches({{"UtcTime", "2024-12-30"}}));  // no time, no hour
    CHECK_FALSE(hour.matches({{"UtcTime", "yesterday"}}));
    CHECK(night.matches({{"UtcTime", "2024-12-30 23:00:00.000"}}));
    CHECK_FALSE(night.matches({{"UtcTime", "2024-12-30 21:59:00.000"}}));
    CHECK(minute.matches({{"UtcTime", "2024-12-30 21:04:00.000"}}));
    CHECK_FALSE(minute.matches({{"UtcTime", "2024-12-30 21:05:00.000"}}));
    CHECK(day.matches({{"UtcTime", "2024-12-30"}}));
    CHECK(week.matches({{"UtcTime", "2024-12-30 10:00:00.000"}}));
    CHECK(week.matches({{"UtcTime", "2021-01-03 10:00:00.000"}}));
    CHECK_FALSE(week.matches({{"UtcTime", "2024-12-29 10:00:00.000"}}));  // ISO week 52 of 2024
    CHECK(month.matches({{"UtcTime", "2024-12-30"}}));
    CHECK(year.matches({{"UtcTime", "2020-06-01"}}));
    CHECK_FALSE(year.matches({{"UtcTime", "2021-06-01"}}));
    single_rule misplaced(detection("UtcTime|contains|hour", "3"));
    CHECK_FALSE(misplaced.loaded());
}
