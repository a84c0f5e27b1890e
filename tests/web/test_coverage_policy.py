"""Every coverage answer is judged by the policy built from the app's config."""

US_CA = "US-CA"  # 50 legal-advice places for 4,613,537 migrants: 0.0108 per 1,000


def california(client, path: str) -> tuple[dict, dict]:
    body = client.get(path).get_json()
    return body, next(r for r in body["regions"] if r["region"] == US_CA)


def test_the_underserved_threshold_comes_from_the_config(
    app, client, directory, monkeypatch
):
    body, row = california(client, "/api/v1/coverage?service=legal_advice")
    assert (body["underserved_below"], row["status"]) == (1.0, "underserved")
    monkeypatch.setitem(app.config, "UNDERSERVED_BELOW", 0.01)
    body, row = california(client, "/api/v1/coverage?service=legal_advice")
    assert (body["underserved_below"], row["status"]) == (0.01, "served")
    page = client.get("/en/gaps.csv?service=legal_advice").get_data(as_text=True)
    assert any(
        line.startswith(US_CA) and line.rstrip().endswith(",served,Served")
        for line in page.splitlines()
    ), page
