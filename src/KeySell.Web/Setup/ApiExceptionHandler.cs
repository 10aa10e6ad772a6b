using System.Text.Json;
using KeySell.Application.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Setup;

/// <summary>
/// The last line of defence: a malformed body is the caller's 400, a lost race is a 409, and
/// anything else is a 500 problem document without internals (the details go to the log).
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "The request body is not valid JSON for this endpoint.", Describe(json)),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid.", bad.Message),
            AccessDeniedException denied => (403, "Forbidden.", denied.Message),
            DbUpdateConcurrencyException =>
                (409, "Someone else saved first.", "This record was changed or deleted by someone else while you edited it. Reload it, then apply your changes again."),
            _ => (500, "Something went wrong on our side.", "The error was logged; try again, and tell your administrator if it persists."),
        };
        if (exception is BadHttpRequestException { InnerException: JsonException { Path: { Length: > 1 } path } invalid })
        {
            // A wrong type or enum value in one field is reported against that field, like any validation error.
            http.Response.StatusCode = 400;
            var field = FieldName(path);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Describe(invalid)] })
                {
                    Status = 400,
                    Title = "One or more fields are invalid.",
                    Detail = Describe(invalid),
                },
            });
        }
        if (status >= 500) log.LogError(exception, "Unhandled error for {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary><c>$.influences[2].support</c> → <c>influences[2].support</c>, the key a form looks up.</summary>
    internal static string FieldName(string jsonPath) => jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string Describe(JsonException json)
    {
        var message = json.Message;
        // System.Text.Json appends its own path and position; keep the message, say where once.
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        return json.Path is { Length: > 0 } path ? $"{message} (at {path})" : message;
    }
}
