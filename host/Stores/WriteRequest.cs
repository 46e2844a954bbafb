using System.Data.Common;

namespace Valhalla.Host.Stores;

/// <summary>A write waiting for the writer: runs inside the batch transaction, completes after the commit.</summary>
internal interface IWriteRequest
{
    CancellationToken CancellationToken { get; }

    Task RunAsync(DbConnection connection, DbTransaction transaction);

    void Commit();

    void Fail(Exception exception);
}

internal sealed class WriteRequest<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    : IWriteRequest
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _completion.Task;

    public CancellationToken CancellationToken => cancellationToken;

    public async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
        _result = await write(connection, transaction, cancellationToken);

    public void Commit() => _completion.TrySetResult(_result!);

    public void Fail(Exception exception)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }
}
