import { MailboxList } from "@/components/dev/mailbox-list";

/** `/dev/mailbox`: the outbox every e-mail goes to instead of SMTP (§0.1). */
export default function MailboxPage() {
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">Mailbox</h2>
      <p className="mb-3 text-slate-600">OpenSSM sends no real e-mail. Every message it would send is kept here, newest first.</p>
      <MailboxList />
    </>
  );
}
