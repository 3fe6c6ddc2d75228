namespace HubSpotGen.FlowService;

/// <summary>
/// One missing or unusable option: which key, and what is wrong with it, never its value. The key is kept apart
/// from the text so that the same problem can name the property a program set (<c>Ims.ClientId</c>) or the
/// configuration key a file or environment variable set (<c>FlowService:Ims:ClientId</c>).
/// </summary>
/// <param name="Key">The option's path from <see cref="PlatformOptions"/>, dot-separated, such as <c>Resilience.MaxRetries</c>.</param>
/// <param name="Text">What is wrong, such as <c>is required</c>.</param>
internal readonly record struct OptionProblem(string Key, string Text)
{
    /// <summary>The problem under the property's name: <c>Ims.ClientId is required</c>.</summary>
    public override string ToString() => Key + " " + Text;

    /// <summary>
    /// The problem under the configuration key that binds the option: <c>FlowService:Ims:ClientId is required</c>
    /// for a section at <paramref name="sectionPath"/> <c>FlowService</c>; the bare key for the configuration root.
    /// </summary>
    public string InSection(string sectionPath) =>
        (sectionPath.Length == 0 ? "" : sectionPath + ":") + Key.Replace('.', ':') + " " + Text;
}
