// IP parsing and CIDR logic. Expected values come from the address
// specifications: RFC 1918 private ranges, RFC 4291 IPv6 notation and
// IPv4-mapped addresses, RFC 4193 unique local addresses.
#include "analytics/ip_address.hpp"

#include "catch.hpp"

using namespace evtxcar;

namespace {
bool in_homenet(std::string_view text) {
    const auto address = parse_ip_address(text);
    REQUIRE(address);
    for (const cidr_block& block : default_homenet()) {
        if (block.contains(*address)) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("ip addresses parse in IPv4 and every IPv6 notation", "[analytics][ip]") {
    CHECK(parse_ip_address("10.1.2.3"));
    CHECK(parse_ip_address(" 192.168.0.1 "));
    CHECK(parse_ip_address("fe80::1"));
    CHECK(parse_ip_address("0:0:0:0:0:0:0:1") == parse_ip_address("::1"));
    CHECK(parse_ip_address("fe80:0:0:0:1c2d:3e4f:5a6b:7c8d") == parse_ip_address("fe80::1c2d:3e4f:5a6b:7c8d"));
    CHECK(parse_ip_address("::ffff:203.0.113.5") == parse_ip_address("203.0.113.5"));
    CHECK(parse_ip_address("0:0:0:0:0:ffff:cb00:7105") == parse_ip_address("203.0.113.5"));
    CHECK(parse_ip_address("[2001:db8::1]") == parse_ip_address("2001:db8::1"));
    CHECK(parse_ip_address("fe80::1%12") == parse_ip_address("fe80::1"));
    CHECK(parse_ip_address("::") == parse_ip_address("0:0:0:0:0:0:0:0"));
}

TEST_CASE("ip addresses that are not addresses do not parse", "[analytics][ip]") {
    for (const char* text : {"", "-", "not-an-ip", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01234.1.1.1", "1.2.3.4 x",
                             "2001:db8::1::2", "2001:db8:1:2:3:4:5:6:7", "12345::", ":1", "1:", "fe80::1%",
                             "::ffff:1.2.3", "g::1"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_ip_address(text));
    }
}

TEST_CASE("the default HOMENET holds exactly the three private ranges", "[analytics][ip]") {
    CHECK(in_homenet("10.0.0.0"));
    CHECK(in_homenet("10.255.255.255"));
    CHECK_FALSE(in_homenet("11.0.0.0"));
    CHECK_FALSE(in_homenet("9.255.255.255"));
    CHECK_FALSE(in_homenet("172.15.255.255"));
    CHECK(in_homenet("172.16.0.0"));
    CHECK(in_homenet("172.31.255.255"));
    CHECK_FALSE(in_homenet("172.32.0.0"));
    CHECK(in_homenet("192.168.0.0"));
    CHECK(in_homenet("192.168.255.255"));
    CHECK_FALSE(in_homenet("192.169.0.1"));
    CHECK_FALSE(in_homenet("192.167.255.255"));
    CHECK(in_homenet("::ffff:10.1.2.3"));  // IPv4-mapped IPv6 is judged as IPv4
    CHECK_FALSE(in_homenet("::ffff:203.0.113.5"));
    CHECK_FALSE(in_homenet("2001:db8::1"));
}

TEST_CASE("cidr blocks parse with and without a prefix length", "[analytics][ip]") {
    auto block = parse_cidr("198.51.100.0/24");
    REQUIRE(block);
    CHECK(block->contains(*parse_ip_address("198.51.100.255")));
    CHECK_FALSE(block->contains(*parse_ip_address("198.51.101.0")));
    auto single = parse_cidr("203.0.113.7");
    REQUIRE(single);
    CHECK(single->contains(*parse_ip_address("203.0.113.7")));
    CHECK_FALSE(single->contains(*parse_ip_address("203.0.113.8")));
    auto v6 = parse_cidr("2001:db8::/32");
    REQUIRE(v6);
    CHECK(v6->contains(*parse_ip_address("2001:db8:ffff::1")));
    CHECK_FALSE(v6->contains(*parse_ip_address("2001:db9::1")));
    // An IPv4 block never matches an IPv6 address outside ::ffff:0:0/96.
    CHECK_FALSE(parse_cidr("0.0.0.0/0")->contains(*parse_ip_address("2001:db8::1")));
    CHECK(parse_cidr("0.0.0.0/0")->contains(*parse_ip_address("203.0.113.1")));
    for (const char* bad : {"10.0.0.0/33", "fc00::/129", "10.0.0.0/", "10.0.0.0/x", "10.0.0/8", "/8"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_cidr(bad));
    }
}

TEST_CASE("cidr lists name the part that is malformed", "[analytics][ip]") {
    std::string error;
    auto blocks = parse_cidr_list("10.0.0.0/8, 2001:db8::/32", error);
    REQUIRE(blocks);
    CHECK(blocks->size() == 2);
    CHECK_FALSE(parse_cidr_list("10.0.0.0/8,banana", error));
    CHECK(error.find("banana") != std::string::npos);
    CHECK_FALSE(parse_cidr_list(" , ", error));
}

TEST_CASE("addresses that are never external", "[analytics][ip]") {
    for (const char* inside : {"127.0.0.1", "127.255.255.254", "0.0.0.0", "169.254.10.20", "224.0.0.251",
                               "239.255.255.250", "255.255.255.255", "::1", "0:0:0:0:0:0:0:1", "::", "fe80::1",
                               "febf::1", "ff02::fb", "fc00::1", "fd12:3456:789a::1", "::ffff:127.0.0.1"}) {
        CAPTURE(inside);
        CHECK(is_never_external(*parse_ip_address(inside)));
    }
    for (const char* outside : {"203.0.113.5", "8.8.8.8", "1.0.0.0", "169.253.255.255", "223.255.255.255",
                                "255.255.255.254", "2001:db8::1", "fec0::1", "fbff::1", "::ffff:8.8.8.8"}) {
        CAPTURE(outside);
        CHECK_FALSE(is_never_external(*parse_ip_address(outside)));
    }
}
