import { redirect } from "next/navigation";

/** `/` opens Inventory › General for the user's default VA (§0.3). */
export default function Home() {
  redirect("/inventory/general");
}
