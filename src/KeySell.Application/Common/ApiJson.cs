using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace KeySell.Application.Common;

/// <summary>
/// The API's JSON conventions, in one place for the web host and the CLI's <c>--json</c>, so a script sees the same
/// names and ids from either.
/// </summary>
public static class ApiJson
{
    public static void Apply(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A misspelt field is an error, never silently dropped data.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Chinese names and messages go out as characters, not \u escapes; HTML-sensitive ones stay escaped.
        json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }
}
