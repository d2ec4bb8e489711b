"""What a web address says about its site: its host, and the outlet a known domain is."""

from __future__ import annotations

from storyline.sites import host_of, outlet_from_domain


def test_the_host_of_a_web_address() -> None:
    assert host_of("https://WWW.Chipper.example:8080/a") == "chipper.example" and host_of(None) is None


def test_a_known_domain_names_its_outlet_and_another_stays_the_domain() -> None:
    assert outlet_from_domain("https://apnews.com/article/x") == "Associated Press"
    assert outlet_from_domain("harbor.example") == "harbor.example"
    assert outlet_from_domain("harbor.example/") == "harbor.example"  # a site name written as a URL
