using System;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

/// <summary>Sorts media types into the ways the client writes and reads bodies.</summary>
internal static class MediaTypes
{
    public static bool IsJson(string mediaType)
    {
        var bare = Bare(mediaType);
        return bare.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || bare.Equals("*/*", StringComparison.Ordinal)
            || bare.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    public static RequestBodyKind RequestKind(string mediaType)
    {
        var bare = Bare(mediaType);
        if (IsJson(bare))
        {
            return RequestBodyKind.Json;
        }

        if (bare.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return RequestBodyKind.Form;
        }

        if (bare.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return RequestBodyKind.Multipart;
        }

        return IsText(bare) ? RequestBodyKind.Text : RequestBodyKind.Binary;
    }

    public static ResponseBodyKind ResponseKind(string mediaType) =>
        IsJson(mediaType) ? ResponseBodyKind.Json : IsText(Bare(mediaType)) ? ResponseBodyKind.Text : ResponseBodyKind.Binary;

    /// <summary>The order in which a body of several media types is chosen: the one the client handles best first.</summary>
    public static int RequestPreference(RequestBodyKind kind) => kind switch
    {
        RequestBodyKind.Json => 0,
        RequestBodyKind.Form => 1,
        RequestBodyKind.Multipart => 2,
        RequestBodyKind.Text => 3,
        _ => 4,
    };

    public static int ResponsePreference(ResponseBodyKind kind) => kind switch
    {
        ResponseBodyKind.Json => 0,
        ResponseBodyKind.Text => 1,
        _ => 2,
    };

    /// <summary>The media type without parameters; wildcards such as <c>*/*</c> stand for JSON.</summary>
    public static string Bare(string mediaType)
    {
        var semicolon = mediaType.IndexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.Substring(0, semicolon)).Trim();
    }

    private static bool IsText(string bare) =>
        bare.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || bare.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
        || bare.Equals("application/xml", StringComparison.OrdinalIgnoreCase);
}
