namespace HubSpotGen.Testing;

/// <summary>Checks that text meant for people (messages, logs) never carries a secret.</summary>
public static class SecretAssert
{
    public static void ContainsNoSecret(string? text, string what)
    {
        foreach (var secret in FakePlatform.Secrets)
        {
            Assert.That(text, Does.Not.Contain(secret), $"{what} leaks a secret");
        }
    }

    public static void ExceptionContainsNoSecret(Exception exception)
    {
        ContainsNoSecret(exception.Message, "Exception.Message");
        ContainsNoSecret(exception.ToString(), "Exception.ToString()");
    }
}
