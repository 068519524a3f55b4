import { redirect } from "next/navigation";

/** `Convert to Smart Licensing` opens on its first sub-tab (S-21). */
export default function ConvertPage() {
  redirect("/convert/paks");
}
