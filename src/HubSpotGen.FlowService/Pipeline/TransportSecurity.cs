namespace HubSpotGen.FlowService;

/// <summary>Where credentials may be sent: https anywhere, plain http only to this machine.</summary>
internal static class TransportSecurity
{
    /// <summary>
    /// True for https, and for http to a loopback address (127.0.0.0/8, ::1, localhost), which tests and the
    /// emulator use. Anything else would carry the bearer token or client secret in clear text.
    /// </summary>
    public static bool MayCarryCredentials(Uri address) =>
        address.IsAbsoluteUri &&
        (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));

    /// <summary>The problem text for an address that may not carry credentials; names the option, never a secret.</summary>
    public static OptionProblem PlainHttpProblem(string optionName, Uri address) =>
        new(optionName, $"{Origin(address)} uses plain http, which would send credentials in clear text; use https (http is allowed only to a loopback address)");

    /// <summary>Scheme, host and path: what an address may show in text. A query string could carry a secret.</summary>
    public static string Displayed(Uri? address) =>
        address is null ? "(none)" : address.IsAbsoluteUri ? Origin(address) + address.AbsolutePath : "(not an absolute address)";

    /// <summary>Scheme, host and port, without the user information an address may carry (<c>https://user:password@host</c>).</summary>
    private static string Origin(Uri address) => address.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
