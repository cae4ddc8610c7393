// One identity per host: spellings of one Computer (letter case, with or
// without the domain) are one host, everywhere.
#include "car/host_directory.hpp"

#include "catch.hpp"

using namespace evtxcar;

TEST_CASE("host directory: names equal without letter case are one host", "[car][hosts]") {
    const host_directory hosts({{"IE8Win7", 10}, {"IE8WIN7", 30}, {"WS01", 5}});
    REQUIRE(hosts.hosts().size() == 2);
    const host_identity* ie8 = hosts.find("IE8Win7");
    REQUIRE(ie8 != nullptr);
    CHECK(ie8 == hosts.find("IE8WIN7"));
    CHECK(ie8->name == "IE8WIN7");  // the spelling with most records
    CHECK(ie8->hostname == "IE8WIN7");
    CHECK(ie8->fqdn.empty());
    CHECK(ie8->records == 40);
    CHECK(ie8->logged_as == std::vector<std::string>{"IE8WIN7", "IE8Win7"});
    CHECK(hosts.find("ie8win7") == nullptr);  // a spelling no record used
}

TEST_CASE("host directory: a bare name joins the one full name that starts with it", "[car][hosts]") {
    const host_directory hosts({{"PC01", 3}, {"PC01.example.corp", 7}, {"pc01.EXAMPLE.corp", 1}});
    REQUIRE(hosts.hosts().size() == 1);
    const host_identity& pc01 = hosts.hosts().front();
    CHECK(pc01.name == "PC01.example.corp");
    CHECK(pc01.hostname == "PC01");
    CHECK(pc01.fqdn == "PC01.example.corp");
    CHECK(pc01.records == 11);
    CHECK(hosts.find("PC01") == &pc01);
}

TEST_CASE("host directory: a bare name two domains share stays a host of its own", "[car][hosts]") {
    const host_directory hosts({{"PC01", 3}, {"PC01.a.example", 7}, {"PC01.b.example", 2}});
    REQUIRE(hosts.hosts().size() == 3);
    CHECK(hosts.find("PC01")->name == "PC01");
    CHECK(hosts.find("PC01.a.example") != hosts.find("PC01.b.example"));
}

TEST_CASE("host directory: an event gets its host's names and keeps its own spelling", "[car][hosts]") {
    const host_directory hosts({{"PC01", 3}, {"PC01.example.corp", 7}});
    car_event bare;
    bare.set(car_field::hostname, "PC01");
    hosts.apply(bare);
    CHECK(bare.text(car_field::hostname) == "PC01");
    CHECK(bare.text(car_field::fqdn) == "PC01.example.corp");
    CHECK(bare.text(car_field::computer) == "PC01");
    CHECK(bare.computer() == "PC01.example.corp");

    car_event full;
    full.set(car_field::hostname, "PC01");
    full.set(car_field::fqdn, "PC01.example.corp");
    hosts.apply(full);
    CHECK(full.get(car_field::computer) == nullptr);  // logged as the host's name: nothing to keep
    CHECK(full.values.size() == 2);
}
