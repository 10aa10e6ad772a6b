using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Imports;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using KeySell.Domain.Imports;
using KeySell.Web.Setup;
using Microsoft.AspNetCore.Http.Features;

namespace KeySell.Web.Api;

/// <summary>
/// CRM imports: upload a file (the body, CSV or XLSX) to queue a job, follow it, fetch its error file.
/// Jobs run in the background as the user who started them; a job is seen by that user and admins.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");

        imports.MapPost("/", async (HttpContext http, string kind, string? fileName, string? mapping, bool? dryRun,
                StartImport.Handler handler, ImportWorker worker, KeySellOptions options, CancellationToken ct) =>
            {
                if (!MethodIds.TryParse<ImportKind>(kind, out var importKind))
                    return Error.Invalid("kind", Messages.Format("UnknownValue", kind, "accounts, contacts, opportunities")).ToProblem();
                Dictionary<string, string>? columns = null;
                if (mapping is not null)
                {
                    try { columns = JsonSerializer.Deserialize<Dictionary<string, string>>(mapping); }
                    catch (JsonException e) { return Error.Invalid("mapping", e.Message).ToProblem(); }
                }
                var upload = await ReceiveAsync(http, options, ct);
                if (upload is null)
                    return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
                        detail: Messages.Format("Imports.TooLarge", InputLimits.ImportFileBytes));
                try
                {
                    var result = await handler.Handle(new StartImport.Command(importKind, fileName ?? "upload", upload, columns, dryRun ?? false), ct);
                    if (result.Succeeded) worker.Wake();
                    return result.ToCreated(job => $"/api/imports/{job.Id}");
                }
                finally
                {
                    if (File.Exists(upload)) File.Delete(upload);
                }
            })
            .WithMetadata(new RequestBodyLimit(int.MaxValue, ReadByEndpoint: true))
            .WithName("StartImport")
            .WithSummary("Queues the import of a CRM export sent as the body (CSV or XLSX, up to 200 MB): kind=accounts|contacts|opportunities, " +
                "optional mapping (JSON object column → field; else automatic), dryRun=true to only check.")
            .Produces<ImportJobDetail>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        imports.MapGet("/", async (ListImportJobs.Handler handler, CancellationToken ct) => Results.Ok(await handler.Handle(new ListImportJobs.Query(), ct)))
            .WithName("ListImportJobs").WithSummary("The caller's latest imports (an admin's: everyone's), newest first.")
            .Produces<IReadOnlyList<ImportJobDetail>>();

        imports.MapGet("/{id:guid}", async (Guid id, GetImportJob.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetImportJob.Query(id), ct)).ToOk())
            .WithName("GetImportJob").WithSummary("An import's state (queued, running, done, failed), counts so far and first problems.")
            .Produces<ImportJobDetail>().ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:guid}/errors", async (Guid id, GetImportJob.Handler handler, KeySellOptions options, CancellationToken ct) =>
            {
                var job = await handler.Handle(new GetImportJob.Query(id), ct);
                if (!job.Succeeded) return job.Error!.ToProblem();
                var path = ImportFiles.Errors(options, id);
                if (!File.Exists(path)) return Error.NotFound(Messages.Format("NotFound", "Error file", id)).ToProblem();
                return Results.File(path, "text/csv; charset=utf-8", Path.GetFileNameWithoutExtension(job.Value.FileName) + "-errors.csv");
            })
            .WithName("GetImportErrors").WithSummary("The bad rows as CSV: the row number, the file's columns and a problem column.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapPost("/mappings", async (SaveImportMapping.Command command, SaveImportMapping.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToOk())
            .WithName("SaveImportMapping").WithSummary("Saves a column mapping under a name for the next export of the same CRM.")
            .Produces<PreviewImport.SavedMapping>().ProducesValidationProblem();
    }

    /// <summary>Streams the body to a file of its own, refusing more than <see cref="InputLimits.ImportFileBytes"/>; null when too large.</summary>
    private static async Task<string?> ReceiveAsync(HttpContext http, KeySellOptions options, CancellationToken ct)
    {
        if (http.Request.ContentLength > InputLimits.ImportFileBytes) return null;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = InputLimits.ImportFileBytes + 1;
        var directory = Path.Combine(options.ResolveDataDirectory(), "imports", "incoming");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Guid.NewGuid().ToString("N"));
        await using (var file = File.Create(path))
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > InputLimits.ImportFileBytes)
                {
                    file.Close();
                    File.Delete(path);
                    return null;
                }
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return path;
    }
}
