namespace HubSpotGen.Generators.Model;

/// <summary>What every generated file of one client shares: where its types live and what they came from.</summary>
/// <param name="Namespace">The namespace of the client, its ApiException and its webhooks class.</param>
/// <param name="ClientName">The C# name of the client class.</param>
/// <param name="Title">The spec's info.title, for the file header.</param>
/// <param name="SpecPath">The AdditionalFiles item, where a failure to write one of the files is reported.</param>
/// <param name="ModelNamespace">The namespace of the models, enums and unions; null puts them in <paramref name="Namespace"/>.</param>
internal sealed record ApiHeader(string Namespace, string ClientName, string Title, string SpecPath, string? ModelNamespace = null)
{
    /// <summary>Where the spec's schemas become types.</summary>
    public string TypesNamespace => ModelNamespace ?? Namespace;
}
