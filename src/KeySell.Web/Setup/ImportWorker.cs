using KeySell.Application.Data;
using KeySell.Application.Identity;
using KeySell.Application.Imports;
using KeySell.Domain.Imports;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Setup;

/// <summary>
/// Runs queued imports one at a time, each as the user who started it (their access rules, their
/// name in the history). State lives in the database: a job left running by a stopped server is
/// marked failed with how far it got, and importing the file again finishes it (nothing already in changes).
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger<ImportWorker> log) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Starts the next job now rather than at the next poll (the upload endpoint calls it).</summary>
    public void Wake() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var checkedAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() - checkedAt > Quiet)
                {
                    checkedAt = time.GetUtcNow();
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<WebActor>().ActAsOperator("system:imports");
                    var failed = await ImportQueue.FailInterruptedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Quiet, stoppingToken);
                    if (failed > 0) log.LogWarning("Marked {Count} interrupted import(s) failed", failed);
                }
                if (!await RunNextAsync(stoppingToken)) await _wake.WaitAsync(Idle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "An import could not be run; the worker carries on");
                await Task.Delay(Idle, time, stoppingToken);
            }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken ct)
    {
        (Guid Id, string? UserId)? next;
        await using (var queue = scopes.CreateAsyncScope())
        {
            queue.ServiceProvider.GetRequiredService<WebActor>().ActAsOperator("system:imports");
            next = await ImportQueue.NextAsync(queue.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
        }
        if (next is not { } job) return false;

        await using var scope = scopes.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<WebActor>();
        if (job.UserId is null) actor.ActAsOperator("system:imports");
        else
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByIdAsync(job.UserId) is not { } user)
            {
                actor.ActAsOperator("system:imports");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var orphan = await db.ImportJobs.SingleAsync(j => j.Id == job.Id, ct);
                orphan.State = ImportState.Failed;
                orphan.Message = KeySell.Application.Resources.Messages.Format("Imports.UserGone");
                await db.SaveChangesAsync(ct);
                return true;
            }
            actor.User = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        }
        var result = await scope.ServiceProvider.GetRequiredService<RunImport.Handler>().Handle(new RunImport.Command(job.Id), ct);
        if (result.Succeeded) log.LogInformation("Import {Job} {State}: {Rows} rows, {Bad} bad", job.Id, result.Value.State, result.Value.RowsRead, result.Value.BadRows);
        return true;
    }
}
