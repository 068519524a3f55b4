export default function NoAccess() {
  return (
    <div className="mx-auto max-w-xl px-6 py-16 text-center">
      <h1 className="mb-2 text-xl font-semibold">No Smart Account yet</h1>
      <p className="text-slate-600">
        You do not have access to any Smart Account. Ask a Smart Account Administrator to add you, or ask Licensing
        Operations to create an account for you.
      </p>
    </div>
  );
}
