using HubSpotGen.Cli.Output;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Tests;

/// <summary>The command's one redaction helper: what it masks, what it keeps, and that it leaves its input alone.</summary>
public sealed class CliSecretRedactionTests
{
    [Test]
    public void Every_auth_param_but_client_id_is_masked()
    {
        var connection = JsonAssert.Parse(CliAnswers.ConnectionWithSecrets(CliAnswers.ConnectionId, "n"));

        var redacted = SecretRedaction.Redact(connection);

        JsonAssert.AreEquivalent(CliAnswers.RedactedConnection(CliAnswers.ConnectionId, "n"), redacted.ToString());
        SecretAssert.ContainsNoSecret(redacted.ToString(), "redacted connection");
    }

    [Test]
    public void Unknown_and_nested_auth_params_are_masked_and_null_stays_null()
    {
        var document = JToken.Parse("""
            { "auth": { "specName": "OAuth", "params": {
                "clientId": "shown", "apiSecret": "s1", "privateKey": { "pem": "s2" }, "scopes": ["s3"], "host": 443, "empty": null } } }
            """);

        var redacted = SecretRedaction.Redact(document);

        JsonAssert.AreEquivalent("""
            { "auth": { "specName": "OAuth", "params": {
                "clientId": "shown", "apiSecret": "***", "privateKey": "***", "scopes": "***", "host": "***", "empty": null } } }
            """, redacted.ToString());
    }

    [Test]
    public void A_client_id_that_is_not_text_is_masked_too()
    {
        var redacted = SecretRedaction.Redact(JToken.Parse("""{ "auth": { "params": { "clientId": { "secret": "x" } } } }"""));

        JsonAssert.AreEquivalent("""{ "auth": { "params": { "clientId": "***" } } }""", redacted.ToString());
    }

    [Test]
    public void Connections_inside_arrays_and_envelopes_are_redacted()
    {
        var page = JsonAssert.Parse(CliAnswers.Page(null, CliAnswers.ConnectionWithSecrets(CliAnswers.ConnectionId, "a"), CliAnswers.ConnectionWithSecrets(CliAnswers.SecondId, "b")));

        var redacted = SecretRedaction.Redact(page);

        JsonAssert.AreEquivalent(
            CliAnswers.Page(null, CliAnswers.RedactedConnection(CliAnswers.ConnectionId, "a"), CliAnswers.RedactedConnection(CliAnswers.SecondId, "b")),
            redacted.ToString());
    }

    [Test]
    public void Credential_names_outside_auth_params_are_masked_when_they_hold_a_value()
    {
        var redacted = SecretRedaction.Redact(JToken.Parse("""{ "refreshToken": "s1", "nested": [{ "Password": "s2", "clientSecret": null }] }"""));

        JsonAssert.AreEquivalent("""{ "refreshToken": "***", "nested": [{ "Password": "***", "clientSecret": null }] }""", redacted.ToString());
    }

    [Test]
    public void A_connection_spec_keeps_its_schema_of_the_params()
    {
        // properties.clientSecret there is the schema of the param, an object, not a secret.
        var spec = JsonAssert.Parse(CliAnswers.HubSpotSpec);

        var redacted = SecretRedaction.Redact(spec);

        Assert.That(JToken.DeepEquals(spec, redacted), Is.True);
    }

    [Test]
    public void The_input_is_left_untouched()
    {
        var connection = JsonAssert.Parse(CliAnswers.ConnectionWithSecrets(CliAnswers.ConnectionId, "n"));
        var before = connection.DeepClone();

        SecretRedaction.Redact(connection);

        Assert.That(JToken.DeepEquals(before, connection), Is.True);
    }

    [TestCase("clientId", "\"test-hubspot-client-id\"", "test-hubspot-client-id")]
    [TestCase("clientSecret", "\"test-client-secret\"", "***")]
    [TestCase("accessToken", "\"test-hubspot-access-token\"", "***")]
    [TestCase("somethingNew", "42", "***")]
    [TestCase("refreshToken", "null", "(none)")]
    public void Display_shows_only_the_client_id(string name, string valueJson, string expected)
    {
        Assert.That(SecretRedaction.Display(name, JToken.Parse(valueJson)), Is.EqualTo(expected));
    }
}
