using System;

namespace HubSpotGen.Generators.Parsing;

/// <summary>Which server URLs can be a client's default base address.</summary>
internal static class ServerUrls
{
    /// <summary>
    /// An http(s) URL of the everyday kind: a host of letters, digits, dots and dashes, a port, a path of unreserved
    /// characters. System.Uri would take it too, and is left the rest: its first use in a compiler process cost as
    /// much as reading a small spec.
    /// </summary>
    public static bool IsPlainHttp(string url)
    {
        var hostStart = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : -1;
        if (hostStart < 0)
        {
            return false;
        }

        var position = hostStart;
        var labelLength = 0;
        for (; position < url.Length && url[position] is not (':' or '/'); position++)
        {
            var character = url[position];
            if (character == '.')
            {
                if (labelLength == 0 || url[position - 1] == '-')
                {
                    return false;
                }

                labelLength = 0;
            }
            else if (character is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || (character == '-' && labelLength > 0))
            {
                labelLength++;
            }
            else
            {
                return false;
            }
        }

        if (labelLength == 0 || url[position - 1] == '-')
        {
            return false;
        }

        if (position < url.Length && url[position] == ':')
        {
            var port = 0;
            var digits = 0;
            for (position++; position < url.Length && url[position] != '/'; position++, digits++)
            {
                if (url[position] is < '0' or > '9' || digits == 5)
                {
                    return false;
                }

                port = (port * 10) + (url[position] - '0');
            }

            if (digits == 0 || port > 65535)
            {
                return false;
            }
        }

        for (; position < url.Length; position++)
        {
            if (url[position] is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '/' or '-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }
}
